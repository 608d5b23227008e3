import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TicketStatus } from "@/server/tickets/schema";
import type { PortalTranslate } from "./i18n";

// The customer's view of a status: "pending" means the team waits for them, so it stands out.
const variants: Record<TicketStatus, BadgeVariant> = {
  new: "brand",
  open: "info",
  pending: "warning",
  on_hold: "neutral",
  solved: "success",
  closed: "neutral",
};

export function PortalStatusBadge({ status, t, className }: { status: TicketStatus; t: PortalTranslate; className?: string }) {
  return (
    <Badge variant={variants[status]} dot className={className}>
      {t(`status.${status}`)}
    </Badge>
  );
}
