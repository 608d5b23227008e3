"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import type { StaffMember } from "@/server/staff/service";

export type EventFilterValues = { actorUserId: string; action: string; from: string; to: string };
export const noFilters: EventFilterValues = { actorUserId: "", action: "", from: "", to: "" };

/** Action groups in the order a support lead thinks of them; unknown groups come last. */
const groupOrder = ["desk", "department", "staff", "profile", "auth"];

/** The end of a range before its start: the log says so instead of silently showing nothing. */
export const rangeReversed = (f: EventFilterValues) => f.from !== "" && f.to !== "" && f.from > f.to;

type Props = {
  value: EventFilterValues;
  onChange: (value: EventFilterValues) => void;
  staff: readonly StaffMember[];
  actions: readonly string[];
};

export function EventFilters({ value, onChange, staff, actions }: Props) {
  const t = useTranslations("panel.events");
  const errorText = useErrorText();
  const set = (change: Partial<EventFilterValues>) => onChange({ ...value, ...change });
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const group = (action: string) => action.split(".")[0] ?? action;
  const groupLabel = (key: string) => (t.has(`groups.${key}`) ? t(`groups.${key}`) : key);
  // Keep a chosen action selectable even if the list of actions has not loaded (yet).
  const known = value.action === "" || actions.includes(value.action) ? actions : [...actions, value.action];
  const rank = (key: string) => (groupOrder.includes(key) ? groupOrder.indexOf(key) : groupOrder.length);
  const groups = [...new Set(known.map(group))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const filtered = value.actorUserId !== "" || value.action !== "" || value.from !== "" || value.to !== "";

  return (
    <form
      role="search"
      aria-label={t("filters.label")}
      className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_10rem_10rem_auto] lg:items-start"
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label={t("filters.person")} className="col-span-2 sm:col-span-1">
        {(control) => (
          <NativeSelect {...control} value={value.actorUserId} onChange={(e) => set({ actorUserId: e.target.value })}>
            <option value="">{t("filters.everyone")}</option>
            <Options items={staff} value={(person) => person.userId} label={(person) => person.active ? person.name : t("filters.deactivated", { name: person.name })} />
          </NativeSelect>
        )}
      </Field>
      <Field label={t("filters.action")} className="col-span-2 sm:col-span-1">
        {(control) => (
          <NativeSelect {...control} value={value.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t("filters.allActions")}</option>
            {groups.map((key) => (
              <optgroup key={key} label={groupLabel(key)}>
                {known
                  .filter((action) => group(action) === key)
                  .sort((a, b) => label(a).localeCompare(label(b)))
                  .map((action) => (
                    <option key={action} value={action}>
                      {label(action)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </NativeSelect>
        )}
      </Field>
      <Field label={t("filters.from")}>
        <Input type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </Field>
      <Field label={t("filters.to")} error={rangeReversed(value) ? errorText("date.order") : undefined}>
        <Input type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </Field>
      <div className="col-span-2 lg:col-span-1 lg:pt-6.5">
        <Button type="button" variant="ghost" disabled={!filtered} onClick={() => onChange(noFilters)}>
          {t("filters.clear")}
        </Button>
      </div>
    </form>
  );
}
