"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { departmentTree, flattenTree } from "@/components/departments/tree";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox";
import { WidgetSection } from "./widget-section";
import type { Values, WidgetSettingsData } from "./widget-settings-form";

/** The departments visitors may choose in the widget's form. */
export function WidgetDepartments({
  desk,
  available,
  values,
  error,
  onChange,
}: {
  desk: string;
  available: WidgetSettingsData["departments"];
  values: Values;
  /** A problem with the choice as a whole. */
  error?: string;
  onChange: (change: Partial<Values>) => void;
}) {
  const t = useTranslations("widgetAdmin.widget");
  const tFields = useTranslations("setup.form");
  const departments = useMemo(() => flattenTree(departmentTree(available)), [available]);
  const departmentFieldOff = values.widgetFields.some((f) => f.name === "department" && !f.enabled);

  return (
    <WidgetSection id="widget-departments" title={t("departments.title")} description={t("departments.description")} error={error}>
      {departments.length === 0 ? (
        <p className="text-sm text-slate-500">
          {t("departments.empty")}{" "}
          <Link href={`/d/${desk}/departments`} className="font-medium text-brand-700 underline underline-offset-2">
            {t("departments.manage")}
          </Link>
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <ul aria-label={t("departments.listLabel")} className="flex flex-col gap-2.5">
            {departments.map((node) => (
              <li key={node.department.id} style={{ marginInlineStart: `${node.depth * 1.75}rem` }}>
                <CheckboxField
                  label={node.department.name}
                  checked={values.departmentIds.includes(node.department.id)}
                  onCheckedChange={(checked) =>
                    onChange({
                      departmentIds:
                        checked === true
                          ? departments.map((d) => d.department.id).filter((id) => id === node.department.id || values.departmentIds.includes(id))
                          : values.departmentIds.filter((id) => id !== node.department.id),
                    })
                  }
                />
              </li>
            ))}
          </ul>
          <p aria-live="polite" className="text-sm text-slate-500">
            {values.departmentIds.length === 0 ? t("departments.none") : t("departments.chosen", { count: values.departmentIds.length })}
          </p>
          {values.departmentIds.length > 0 && departmentFieldOff ? (
            <Alert variant="info">{t("departments.fieldOff", { field: tFields("fields.department") })}</Alert>
          ) : null}
        </div>
      )}
    </WidgetSection>
  );
}
