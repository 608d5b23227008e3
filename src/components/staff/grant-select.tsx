"use client";

import { useTranslations } from "next-intl";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { grantLevelList, isGrantLevel, type GrantLevel } from "./shared";

const tones: Record<GrantLevel, string> = {
  view: "border-sky-300 bg-sky-50 text-sky-900 hover:border-sky-400",
  reply: "border-brand-500/40 bg-brand-50 text-brand-700 hover:border-brand-500",
  manage: "border-violet-300 bg-violet-50 text-violet-900 hover:border-violet-400",
};

/**
 * Chooses a grant level for one department. The empty choice is "no access", or, for a
 * sub-department whose parent has a grant, "inherited" with the level that flows down.
 */
export function GrantSelect({
  value,
  inherited,
  onChange,
  label,
  compact = false,
  disabled,
  id,
}: {
  value: GrantLevel | undefined;
  inherited: GrantLevel | undefined;
  onChange: (value: GrantLevel | undefined) => void;
  /** The accessible name, e.g. "Access of Ann to Support". */
  label: string;
  compact?: boolean;
  disabled?: boolean;
  id?: string;
}) {
  const t = useTranslations("staff.levels");
  const empty = inherited
    ? t(compact ? "inheritedShort" : "inherited", { level: t(inherited) })
    : t(compact ? "noneShort" : "none");
  return (
    <NativeSelect
      id={id}
      aria-label={label}
      value={value ?? ""}
      disabled={disabled}
      onChange={(event) => onChange(isGrantLevel(event.target.value) ? event.target.value : undefined)}
      wrapperClassName={compact ? "w-36" : "w-44"}
      className={cn(
        compact && "h-8 pr-8 pl-2.5",
        value ? cn("font-medium", tones[value]) : inherited ? "text-slate-500 italic" : "text-slate-500",
      )}
    >
      <option value="">{empty}</option>
      <Options items={grantLevelList} label={(level) => t(level)} />
    </NativeSelect>
  );
}
