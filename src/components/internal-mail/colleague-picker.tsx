"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { FieldControlProps } from "@/components/ui/field";
import { CloseIcon } from "@/components/ui/icon";
import { useListbox } from "@/components/ui/use-listbox";
import { cn } from "@/lib/cn";

export type Colleague = { membershipId: string; name: string; role: string };

type Props = {
  colleagues: readonly Colleague[];
  value: string[];
  onChange: (value: string[]) => void;
  control: FieldControlProps;
};

/**
 * Recipients: chosen colleagues as removable chips, then a search box over the rest. Arrows move
 * through the list, Enter adds, Backspace in the empty box removes the last one chosen.
 */
export function ColleaguePicker({ colleagues, value, onChange, control }: Props) {
  const t = useTranslations("internalMail.new");
  const ids = useId();
  const [filter, setFilter] = useState("");
  const chosen = value.map((id) => colleagues.find((c) => c.membershipId === id)).filter((c): c is Colleague => Boolean(c));
  const needle = filter.trim().toLocaleLowerCase();
  const options = colleagues
    .filter((c) => !value.includes(c.membershipId) && (needle === "" || c.name.toLocaleLowerCase().includes(needle)))
    .map((c) => ({ ...c, id: c.membershipId }));
  const add = (colleague: Colleague) => {
    onChange([...value, colleague.membershipId]);
    setFilter("");
  };
  const { current, setActive, optionId, onKeyDown } = useListbox(options, ids, add);

  return (
    <div className="flex flex-col gap-2">
      {chosen.length > 0 ? (
        <ul aria-label={t("chosen")} className="flex flex-wrap gap-1.5">
          {chosen.map((c) => (
            <li key={c.membershipId} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-sm text-brand-800 ring-1 ring-brand-500/25">
              {c.name}
              <button
                type="button"
                aria-label={t("remove", { name: c.name })}
                onClick={() => onChange(value.filter((id) => id !== c.membershipId))}
                className="inline-flex size-5 items-center justify-center rounded-full hover:bg-brand-100"
              >
                <CloseIcon className="size-3" strokeWidth={1.75} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...control}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={t("searchColleagues")}
        autoComplete="off"
        maxLength={120}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "Backspace" && filter === "" && value.length > 0) {
            onChange(value.slice(0, -1));
            return;
          }
          onKeyDown(event);
        }}
        className="h-9 w-full rounded-lg border border-slate-300 px-3 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500 aria-invalid:border-red-500"
      />
      <ul role="listbox" id={`${ids}-list`} aria-label={t("colleagues")} className="max-h-40 overflow-y-auto rounded-lg border border-slate-200 p-1">
        {options.map((option) => {
          const selected = option.id === current?.id;
          return (
            <li
              key={option.id}
              id={optionId(option)}
              role="option"
              aria-selected={selected}
              onMouseMove={() => setActive(options.indexOf(option))}
              onClick={() => add(option)}
              className={cn("flex cursor-pointer items-center justify-between rounded-md px-2 py-1.5 text-sm", selected ? "bg-brand-50 text-brand-800" : "text-slate-800")}
            >
              <span className="truncate font-medium">{option.name}</span>
              <span className={cn("text-xs", selected ? "text-brand-700" : "text-slate-500")}>{t(`roles.${option.role}`)}</span>
            </li>
          );
        })}
        {options.length === 0 ? <li className="px-2 py-2 text-sm text-slate-500">{colleagues.length === value.length ? t("everyoneChosen") : t("noMatch")}</li> : null}
      </ul>
    </div>
  );
}
