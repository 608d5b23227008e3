"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SectionHeading } from "@/components/ui/section-heading";
import type { Department } from "@/server/departments/schema";
import { useTRPC } from "@/trpc/react";

type Props = {
  desk: string;
  /** Every department of the desk; the archived ones are listed, the others name their parents. */
  departments: Department[];
  onRestored: (message: string) => void;
};

/** Archived departments, each with Restore (the server refuses while its parent is archived). */
export function ArchivedDepartments({ desk, departments, onRestored }: Props) {
  const t = useTranslations("panel.departments");
  const format = useFormatter();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const restore = useMutation(trpc.departments.restore.mutationOptions());
  const [failure, setFailure] = useState<{ id: string; error: ErrorMessage } | null>(null);
  const archived = departments.filter((d) => d.archivedAt);
  if (archived.length === 0) return null;
  const byId = new Map(departments.map((d) => [d.id, d]));

  async function onRestore(department: Department) {
    setFailure(null);
    try {
      await restore.mutateAsync({ desk, id: department.id });
      await queryClient.invalidateQueries({ queryKey: trpc.departments.pathKey() });
      onRestored(t("archived.restored", { name: department.name }));
    } catch (error) {
      setFailure({ id: department.id, error: serverMessage(error) });
    }
  }

  return (
    <section aria-labelledby="departments-archived" className="mt-10">
      <SectionHeading id="departments-archived" title={t("archived.title")} description={t("archived.description")} descriptionClassName="mb-3" />
      <ul aria-labelledby="departments-archived" className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {archived.map((department) => {
          const parent = department.parentId ? byId.get(department.parentId) : undefined;
          const pending = restore.isPending && restore.variables?.id === department.id;
          return (
            <li key={department.id} className="flex flex-col gap-2 px-4 py-3">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-700">{department.name}</p>
                  <p className="text-xs text-slate-500">
                    {t("archived.archivedOn", { date: format.dateTime(department.archivedAt!, { dateStyle: "medium" }) })}
                    {parent ? ` · ${t("archived.inParent", { parent: parent.name })}` : ""}
                  </p>
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  className="self-start sm:self-auto"
                  loading={pending}
                  aria-label={t("archived.restoreLabel", { name: department.name })}
                  onClick={() => void onRestore(department)}
                >
                  {t("archived.restore")}
                </Button>
              </div>
              {failure?.id === department.id ? <Alert variant="error">{errorText(failure.error)}</Alert> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
