"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import type { WidgetField } from "@/server/kernel/schema";

const locked = new Set(["email", "message"]);

/** Which ticket-form fields visitors see and must fill in. Email and message are always on. */
export function WidgetFieldsEditor({ value, onChange }: { value: WidgetField[]; onChange: (fields: WidgetField[]) => void }) {
  const t = useTranslations("setup.form");
  const update = (name: string, change: Partial<WidgetField>) =>
    onChange(
      value.map((f) => {
        if (f.name !== name) return f;
        const next = { ...f, ...change };
        return { ...next, required: next.enabled && next.required };
      }),
    );
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-2"><span className="sr-only">{t("field")}</span></th>
          <th scope="col" className="w-28 py-2 text-center">{t("show")}</th>
          <th scope="col" className="w-28 py-2 text-center">{t("required")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {value.map((field) => {
          const fixed = locked.has(field.name);
          const label = t(`fields.${field.name}`);
          return (
            <tr key={field.name}>
              <th scope="row" className="py-2.5 text-left font-medium text-slate-800">{label}</th>
              <td className="py-2.5 text-center">
                <Checkbox
                  checked={field.enabled}
                  disabled={fixed}
                  aria-label={`${t("show")}: ${label}`}
                  onCheckedChange={(checked) => update(field.name, { enabled: checked === true })}
                />
              </td>
              <td className="py-2.5 text-center">
                <Checkbox
                  checked={field.required}
                  disabled={fixed || !field.enabled}
                  aria-label={`${t("required")}: ${label}`}
                  onCheckedChange={(checked) => update(field.name, { required: checked === true })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
