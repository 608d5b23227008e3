"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { priorities, statuses, type StaffItem, type View } from "./shared";
import { type Priority, type TicketStatus } from "@/server/tickets/values";

export type BulkAction =
  | { type: "update"; changes: { status?: TicketStatus; priority?: Priority; assigneeMembershipId?: string | null } }
  | { type: "trash" }
  | { type: "restore" };

type Props = {
  count: number;
  view: View;
  busy: boolean;
  /** The viewer's membership (for "assign to me"); null when unknown. */
  me: string | null;
  /** Owners and admins may assign to anyone. */
  staff: readonly StaffItem[] | null;
  onAction: (action: BulkAction) => void;
  onClear: () => void;
};

const chevron = (
  <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
    <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** The actions on the selected tickets; appears above the list while some are selected. */
export function BulkBar({ count, view, busy, me, staff, onAction, onClear }: Props) {
  const t = useTranslations("inbox.bulk");
  const tStatus = useTranslations("inbox.status");
  const tPriority = useTranslations("inbox.priority");
  const inTrash = view === "trash";
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="sticky top-0 z-10 mb-2 flex flex-wrap items-center gap-2 rounded-xl border border-brand-100 bg-brand-50/95 px-3 py-2 shadow-sm backdrop-blur"
    >
      <span className="mr-1 text-sm font-medium text-brand-700" aria-live="polite">
        {t("selected", { count })}
      </span>
      {inTrash ? (
        <Button type="button" size="sm" variant="secondary" disabled={busy} onClick={() => onAction({ type: "restore" })}>
          {t("restore")}
        </Button>
      ) : (
        <>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button type="button" size="sm" variant="secondary" disabled={busy}>
                {t("status")}
                {chevron}
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start">
              <DropdownMenuLabel>{t("setStatus")}</DropdownMenuLabel>
              {statuses.map((status) => (
                <DropdownMenuItem key={status} onSelect={() => onAction({ type: "update", changes: { status } })}>
                  {tStatus(status)}
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button type="button" size="sm" variant="secondary" disabled={busy}>
                {t("priority")}
                {chevron}
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start">
              <DropdownMenuLabel>{t("setPriority")}</DropdownMenuLabel>
              {[...priorities].reverse().map((priority) => (
                <DropdownMenuItem key={priority} onSelect={() => onAction({ type: "update", changes: { priority } })}>
                  {tPriority(priority)}
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button type="button" size="sm" variant="secondary" disabled={busy}>
                {t("assign")}
                {chevron}
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start" className="max-h-80">
              {me ? <DropdownMenuItem onSelect={() => onAction({ type: "update", changes: { assigneeMembershipId: me } })}>{t("assignToMe")}</DropdownMenuItem> : null}
              <DropdownMenuItem onSelect={() => onAction({ type: "update", changes: { assigneeMembershipId: null } })}>{t("unassign")}</DropdownMenuItem>
              {staff && staff.some((p) => p.active && p.membershipId !== me) ? (
                <>
                  <DropdownMenuSeparator />
                  <DropdownMenuLabel>{t("assignTo")}</DropdownMenuLabel>
                  {staff
                    .filter((person) => person.active && person.membershipId !== me)
                    .map((person) => (
                      <DropdownMenuItem key={person.membershipId} onSelect={() => onAction({ type: "update", changes: { assigneeMembershipId: person.membershipId } })}>
                        {person.name}
                      </DropdownMenuItem>
                    ))}
                </>
              ) : null}
            </DropdownMenuContent>
          </DropdownMenu>
          <Button type="button" size="sm" variant="secondary" className="text-red-700 hover:bg-red-50" disabled={busy} onClick={() => onAction({ type: "trash" })}>
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.5 8.5h6l.5-8.5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t("trash")}
          </Button>
        </>
      )}
      {busy ? <Spinner size="sm" label={t("working")} className="text-brand-700" /> : null}
      <Button type="button" size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
        {t("clear")}
      </Button>
    </div>
  );
}
