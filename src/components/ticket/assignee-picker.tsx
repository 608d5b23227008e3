"use client";

import { useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useId, useMemo, useState } from "react";
import { CheckIcon } from "@/components/ui/icon";
import { ListboxPicker } from "@/components/ui/listbox-picker";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { useTicket } from "./ticket-context";
import { useStaff } from "./use-staff-names";

type Option = { id: string; membershipId: string | null; label: string; hint?: string };

/**
 * Who works the ticket: a button that opens a searchable list (type to filter, arrows to move,
 * Enter to choose, Escape to close). Owners and admins choose among all active staff; agents can
 * take the ticket or leave it unassigned.
 */
export function AssigneePicker({ labelId, disabled, onChange }: { labelId: string; disabled: boolean; onChange: (membershipId: string | null) => Promise<boolean> }) {
  const t = useTranslations("ticket.assignee");
  const { viewer, data } = useTicket();
  const { mayList, query } = useStaff();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const current = data.ticket.assigneeMembershipId;

  const options = useMemo<Option[]>(() => {
    const option = (membershipId: string | null, label: string, hint?: string): Option => ({ id: membershipId ?? "unassigned", membershipId, label, hint });
    const list: Option[] = [option(null, t("unassigned")), option(viewer.membershipId, t("me", { name: viewer.name }))];
    if (mayList) {
      for (const person of query.data ?? []) {
        if (person.membershipId === viewer.membershipId || !person.active) continue;
        list.push(option(person.membershipId, person.name, person.email));
      }
    }
    if (current && !list.some((o) => o.membershipId === current) && data.assignee) list.push(option(current, data.assignee.name));
    return list;
  }, [t, viewer, mayList, query.data, current, data.assignee]);

  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle) || o.hint?.toLowerCase().includes(needle)) : options;
  const currentLabel = current ? (current === viewer.membershipId ? viewer.name : (data.assignee?.name ?? t("someone"))) : t("unassigned");

  const openWith = (next: boolean) => {
    setOpen(next);
    if (next) setFilter("");
  };

  const choose = (option: Option) => {
    setOpen(false);
    if (option.membershipId !== current) void onChange(option.membershipId);
  };

  return (
    <Popover.Root open={open} onOpenChange={openWith}>
      <Popover.Trigger asChild>
        <button
          type="button"
          id={`${ids}-trigger`}
          aria-labelledby={`${labelId} ${ids}-trigger`}
          disabled={disabled}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" && !open) {
              event.preventDefault();
              openWith(true);
            }
          }}
          className={cn(
            "flex h-8 w-full min-w-0 cursor-pointer items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 text-left text-sm text-slate-900 shadow-xs transition-colors",
            "hover:border-slate-400 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 disabled:opacity-70",
          )}
        >
          <span className={cn("truncate", !current && "text-slate-500")}>{currentLabel}</span>
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-4 shrink-0 text-slate-500">
            <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg shadow-slate-900/10 motion-safe:animate-dh-pop-in"
        >
          <ListboxPicker
            items={shown}
            filter={filter}
            onFilterChange={setFilter}
            onChoose={choose}
            searchLabel={t("search")}
            listLabel={t("label")}
            noMatch={t("noMatch")}
            isSelected={(option) => option.membershipId === current}
            initialActive={Math.max(options.findIndex((o) => o.membershipId === current), 0)}
            homeEnd
            autoFocus
            inputClassName="mb-1 h-8 w-full rounded-md border border-slate-200 px-2 text-sm placeholder:text-slate-400 focus-visible:border-brand-500"
            listClassName="max-h-64 overflow-y-auto"
            optionClassName={(active) => cn("items-center gap-2 text-slate-800", active && "bg-slate-100 text-slate-900")}
            renderOption={(option) => (
              <>
                <span aria-hidden="true" className="flex size-4 shrink-0 items-center justify-center text-brand-600">
                  {option.membershipId === current ? (
                    <CheckIcon className="size-4" />
                  ) : null}
                </span>
                <span className="min-w-0 flex-1">
                  <span className={cn("block truncate", option.membershipId === null && "text-slate-600")}>{option.label}</span>
                  {option.hint ? <span className="block truncate text-xs text-slate-500">{option.hint}</span> : null}
                </span>
              </>
            )}
            footer={
              mayList && query.isPending ? (
                <li className="flex items-center gap-2 px-2 py-1.5 text-sm text-slate-500">
                  <Spinner size="sm" /> {t("loading")}
                </li>
              ) : null
            }
          />
          {!mayList ? <p className="px-2 pt-1 pb-1.5 text-xs text-slate-500">{t("agentHint")}</p> : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
