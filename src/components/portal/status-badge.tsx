import { statusVariant } from "@/components/ticket/shared";
import { Badge } from "@/components/ui/badge";
import type { TicketStatus } from "@/server/tickets/schema";
import type { PortalTranslate } from "./i18n";


export function PortalStatusBadge({ status, t, className }: { status: TicketStatus; t: PortalTranslate; className?: string }) {
  return (
    <Badge variant={statusVariant[status]} dot className={className}>
      {t(`status.${status}`)}
    </Badge>
  );
}
