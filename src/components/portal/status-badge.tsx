import { statusVariant } from "@/components/ticket/shared";
import { Badge } from "@/components/ui/badge";
import type { PortalTranslate } from "./i18n";
import { type TicketStatus } from "@/server/tickets/values";


export function PortalStatusBadge({ status, t, className }: { status: TicketStatus; t: PortalTranslate; className?: string }) {
  return (
    <Badge variant={statusVariant[status]} dot className={className}>
      {t(`status.${status}`)}
    </Badge>
  );
}
