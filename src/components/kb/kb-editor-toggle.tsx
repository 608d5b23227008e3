"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { hiddenInTable, type StaffRow } from "@/components/staff/shared";
import { Checkbox } from "@/components/ui/checkbox";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/trpc/react";

/** Staff page: lets an agent write the knowledge base (owners and admins always may). */
export function KbEditorToggle({
  desk,
  person,
  onChanged,
  onFailed,
}: {
  desk: string;
  person: StaffRow;
  onChanged: (text: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const t = useTranslations("kb.staff");
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.staff.setKbEditor.mutationOptions());
  // The box follows the click at once; it returns to the stored value if the change fails.
  const [wanted, setWanted] = useState<boolean | null>(null);

  async function change(kbEditor: boolean) {
    setWanted(kbEditor);
    try {
      await save.mutateAsync({ desk, membershipId: person.membershipId, kbEditor });
      await queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
      onChanged(kbEditor ? t("granted", { name: person.name }) : t("revoked", { name: person.name }));
    } catch (error) {
      onFailed(error);
    } finally {
      setWanted(null);
    }
  }

  const checked = wanted ?? person.kbEditor;
  return (
    <div className="mt-1 flex items-center gap-2 whitespace-nowrap">
      <Checkbox
        id={id}
        checked={checked}
        disabled={wanted !== null}
        aria-describedby={`${id}-hint`}
        onCheckedChange={(value) => void change(value === true)}
      />
      <label htmlFor={id} className="cursor-pointer text-xs text-slate-600">
        {t("toggle")}
      </label>
      {wanted !== null ? <Spinner size="sm" className="text-slate-400" /> : null}
      <span id={`${id}-hint`} className={hiddenInTable}>
        {t("hint", { name: person.name })}
      </span>
    </div>
  );
}
