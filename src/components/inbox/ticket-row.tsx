"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/cn";
import { PriorityBadge, RelativeTime, StatusBadge, TagList } from "./badges";
import { SlaDueBadge } from "./sla-due-badge";
import type { InboxRow } from "./shared";

type Props = {
  row: InboxRow;
  href: string;
  selected: boolean;
  active: boolean;
  viewerMembershipId: string | null;
  customerFixed?: boolean;
  time: Date;
  timeZone: string;
  linkRef: (node: HTMLAnchorElement | null) => void;
  onFocus: () => void;
  onToggle: () => void;
};

/** One ticket in a list: the whole row opens it, the checkbox selects it. */
export function TicketRow({ row, href, selected: isSelected, active: isActive, viewerMembershipId, customerFixed, time, timeZone, linkRef, onFocus, onToggle }: Props) {
  const t = useTranslations("inbox");
  const router = useRouter();
  return (
    <tr
      data-testid="ticket-row"
      data-active={isActive || undefined}
      aria-selected={isSelected}
      onFocus={onFocus}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest("a, button, input, label") || window.getSelection()?.toString()) return;
        router.push(href);
      }}
      className={cn(
        "group cursor-pointer transition-colors hover:bg-slate-50",
        isSelected && "bg-brand-50/70 hover:bg-brand-50",
        isActive && "outline-2 -outline-offset-2 outline-brand-500",
      )}
    >
      <td className="w-10 py-2.5 pr-1 pl-4 align-top">
        <Checkbox className="mt-0.5" aria-label={t("list.select", { number: row.number })} checked={isSelected} onCheckedChange={onToggle} />
      </td>
      <td className="max-w-0 min-w-48 px-3 py-2.5 align-top sm:w-full sm:min-w-64">
        <div className="flex min-w-0 items-center gap-2">
          <span className="shrink-0 font-mono text-xs text-slate-500 tabular-nums">#{row.number}</span>
          <Link
            href={href}
            ref={linkRef}
            className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:underline focus-visible:outline-none"
          >
            {row.subject}
          </Link>
          <TagList tags={row.tags} />
        </div>
        <div className="mt-0.5 flex min-w-0 items-center gap-1.5 text-xs text-slate-500">
          {customerFixed ? null : (
            <>
              <span className="truncate">
                {row.customerName ? (
                  <>
                    <span className="text-slate-700">{row.customerName}</span> · {row.customerEmail}
                  </>
                ) : (
                  <span className="text-slate-700">{row.customerEmail}</span>
                )}
              </span>
              <span aria-hidden="true">·</span>
            </>
          )}
          <span className="shrink-0 truncate">{row.departmentName}</span>
          {row.heldReason ? <Badge variant="warning">{t(`held.${row.heldReason}`)}</Badge> : null}
          <SlaDueBadge dueAt={row.slaDueAt} breaches={row.slaBreaches} timeZone={timeZone} />
          <span className="truncate lg:hidden">
            <span aria-hidden="true">· </span>
            {row.assigneeName ?? t("list.unassigned")}
          </span>
        </div>
      </td>
      <td className="hidden px-3 py-2.5 align-top whitespace-nowrap lg:table-cell">
        {row.assigneeName ? (
          <span className="text-slate-700">{row.assigneeMembershipId === viewerMembershipId ? t("list.me", { name: row.assigneeName }) : row.assigneeName}</span>
        ) : (
          <span className="text-slate-400 italic">{t("list.unassigned")}</span>
        )}
      </td>
      <td className="px-3 py-2.5 align-top">
        <StatusBadge status={row.status} />
      </td>
      <td className="hidden px-3 py-2.5 align-top sm:table-cell">
        <PriorityBadge priority={row.priority} />
      </td>
      <td className="px-3 py-2.5 pr-4 text-right align-top text-xs text-slate-500">
        <RelativeTime date={time} timeZone={timeZone} />
      </td>
    </tr>
                );
}
