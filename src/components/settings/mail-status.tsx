"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { type OutboxStatus } from "@/server/outbox/values";

const variants: Record<OutboxStatus, BadgeVariant> = { queued: "info", sent: "success", failed: "danger", stored: "neutral", held: "warning" };

export function MailStatusBadge({ status }: { status: OutboxStatus }) {
  const t = useTranslations("panel.settings.mail.status");
  return (
    <Badge variant={variants[status]} dot>
      {t(status)}
    </Badge>
  );
}

/** A mail's kind ("staff.invitation") in words; unknown kinds show as they are. */
export function useMailKind() {
  const t = useTranslations("panel.settings.mail.kinds");
  return (kind: string) => (t.has(kind) ? t(kind) : kind);
}
