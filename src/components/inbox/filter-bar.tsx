"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DepartmentOptions } from "@/components/departments/department-options";
import { useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { DateFilter } from "./date-filter";
import { clearFilters, hasFilters, type ListFilters } from "./filters";
import { MultiFilter } from "./multi-filter";
import { normalizeTag, priorities, sorts, statuses, type DepartmentItem, type StaffItem, type View } from "./shared";

type Props = {
  value: ListFilters;
  onChange: (value: ListFilters) => void;
  /** The views to choose from in the bar (the inbox chooses them in its queue column instead). */
  viewChoices?: readonly View[];
  /** Offer the department as a select (the inbox chooses it in its queue column instead). */
  departmentChoice?: boolean;
  /** Only view and sort (a customer's page). */
  compact?: boolean;
  departments: readonly DepartmentItem[];
  /** The desk's staff for owners and admins; agents filter by "me" and "unassigned" only. */
  staff: readonly StaffItem[] | null;
  /** The requester's name when filtered by one; null while unknown. */
  customerLabel: string | null;
  /** The page fixes the requester: it is not a removable filter here. */
  customerFixed?: boolean;
  timeZone: string;
};

const small = "h-8 py-1 text-sm";

export function FilterBar({ value, onChange, viewChoices, departmentChoice, compact, departments, staff, customerLabel, customerFixed, timeZone }: Props) {
  const t = useTranslations("inbox");
  const id = useId();
  const set = (change: Partial<ListFilters>) => onChange({ ...value, ...change });
  const filtered = hasFilters(customerFixed ? { ...value, customer: null } : value);
  const knownAssignee = !value.assignee || value.assignee === "me" || value.assignee === "none" || staff?.some((p) => p.membershipId === value.assignee);

  return (
    <form
      role="search"
      aria-label={t("filters.label")}
      onSubmit={(event) => event.preventDefault()}
      className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-start"
    >
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
        {viewChoices ? (
          <NativeSelect
            aria-label={t("filters.view")}
            wrapperClassName="w-auto"
            className={cn(small, "font-medium")}
            value={value.view}
            onChange={(e) => set({ view: e.target.value as View })}
          >
            <Options items={viewChoices} label={(view) => t(`views.${view}`)} />
          </NativeSelect>
        ) : null}
        {departmentChoice ? (
          <NativeSelect
            aria-label={t("filters.department")}
            wrapperClassName="w-auto max-w-56"
            className={small}
            value={value.department ?? ""}
            onChange={(e) => set({ department: e.target.value || null })}
          >
            <option value="">{t("filters.allDepartments")}</option>
            <DepartmentOptions departments={departments} />
          </NativeSelect>
        ) : null}
        {compact ? null : (
          <>
            <MultiFilter
              label={t("filters.status")}
              options={statuses}
              optionLabel={(s) => t(`status.${s}`)}
              value={value.status}
              onChange={(status) => set({ status })}
              clearLabel={t("filters.any")}
            />
            <MultiFilter
              label={t("filters.priority")}
              options={[...priorities].reverse()}
              optionLabel={(p) => t(`priority.${p}`)}
              value={value.priority}
              onChange={(priority) => set({ priority })}
              clearLabel={t("filters.any")}
            />
            <NativeSelect
              aria-label={t("filters.assignee")}
              wrapperClassName="w-auto max-w-60"
              className={cn(small, value.assignee && "border-brand-500/40 bg-brand-50 text-brand-700")}
              value={value.assignee ?? ""}
              onChange={(e) => set({ assignee: e.target.value || null })}
            >
              <option value="">{t("filters.anyAssignee")}</option>
              <option value="me">{t("filters.assignedToMe")}</option>
              <option value="none">{t("filters.unassigned")}</option>
              {staff
                ?.filter((person) => person.active || person.membershipId === value.assignee)
                .map((person) => (
                  <option key={person.membershipId} value={person.membershipId}>
                    {person.name}
                  </option>
                ))}
              {knownAssignee ? null : <option value={value.assignee ?? ""}>{t("filters.someone")}</option>}
            </NativeSelect>
            <TagFilter value={value.tag} onChange={(tag) => set({ tag })} />
            <DateFilter from={value.from} to={value.to} onChange={(range) => set(range)} timeZone={timeZone} />
          </>
        )}
        {value.customer && !customerFixed ? (
          <span className="inline-flex h-8 items-center gap-1 rounded-lg border border-brand-500/40 bg-brand-50 pr-1 pl-2.5 text-sm text-brand-700">
            {t("filters.requester", { name: customerLabel ?? "…" })}
            <button
              type="button"
              className="inline-flex size-6 cursor-pointer items-center justify-center rounded-md hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              aria-label={t("filters.removeRequester", { name: customerLabel ?? "" })}
              onClick={() => set({ customer: null })}
            >
              <CloseIcon className="size-3.5" />
            </button>
          </span>
        ) : null}
        {filtered && !compact ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange(customerFixed ? { ...clearFilters(value), customer: value.customer } : clearFilters(value))}>
            {t("filters.clear")}
          </Button>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-1.5">
        <label className="text-xs font-medium text-slate-600" htmlFor={`${id}-sort`}>
          {t("sort.label")}
        </label>
        <NativeSelect id={`${id}-sort`} wrapperClassName="w-auto" className={small} value={value.sort} onChange={(e) => set({ sort: e.target.value as ListFilters["sort"] })}>
          <Options items={sorts} label={(sort) => t(`sort.${sort}`)} />
        </NativeSelect>
      </div>
    </form>
  );
}

/** A tag typed by hand: applied on Enter or when leaving the box, checked like the server does. */
function TagFilter({ value, onChange }: { value: string | null; onChange: (tag: string | null) => void }) {
  const t = useTranslations("inbox.filters");
  const errorText = useErrorText();
  const [draft, setDraft] = useState<{ for: string | null; text: string }>({ for: value, text: value ?? "" });
  const text = draft.for === value ? draft.text : (value ?? "");
  const invalid = text.trim() !== "" && normalizeTag(text) === null;
  const apply = () => {
    if (text.trim() === "") return value === null ? undefined : onChange(null);
    const tag = normalizeTag(text);
    if (tag && tag !== value) onChange(tag);
  };
  return (
    <div className="relative">
      <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-sm text-slate-400">
        #
      </span>
      <Input
        aria-label={t("tag")}
        placeholder={t("tagPlaceholder")}
        className={cn(small, "w-32 pl-6", value && !invalid && "border-brand-500/40 bg-brand-50 text-brand-700")}
        value={text}
        aria-invalid={invalid || undefined}
        title={invalid ? errorText("ticket.tagInvalid") : undefined}
        onChange={(e) => setDraft({ for: value, text: e.target.value })}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
      />
    </div>
  );
}
