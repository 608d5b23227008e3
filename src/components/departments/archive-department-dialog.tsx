"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import type { Department } from "@/server/departments/schema";
import { useTRPC } from "@/trpc/react";

type Props = {
  desk: string;
  department: Department | null;
  /** Active departments, as candidates to receive the open tickets. */
  departments: Department[];
  onClose: () => void;
  onArchived: (message: string) => void;
};

/**
 * Asks before archiving; the server refuses while active sub-departments remain, and we say so.
 * A department with open tickets needs a place to move them: nothing is left stranded.
 */
export function ArchiveDepartmentDialog({ department, onClose, ...props }: Props) {
  return (
    <TargetDialog target={department} onClose={onClose} size="sm">
      {(department) => <ArchiveConfirm department={department} onClose={onClose} {...props} />}
    </TargetDialog>
  );
}

function ArchiveConfirm({ desk, department, departments, onClose, onArchived }: Props & { department: Department }) {
  const t = useTranslations("panel.departments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(trpc.departments.archive.mutationOptions());
  const openCount = useQuery(trpc.departments.openTicketCount.queryOptions({ desk, id: department.id }));
  const targets = departments.filter((d) => d.id !== department.id && !d.archivedAt);
  const [moveTo, setMoveTo] = useState("");
  const failure = useCallFailure(serverMessage);
  const needsTarget = (openCount.data ?? 0) > 0;

  async function confirm() {
    if (needsTarget && !moveTo) {
      failure.set({ key: "department.hasOpenTickets", params: { count: openCount.data ?? 0 } });
      return;
    }
    await failure.run(async () => {
      await archive.mutateAsync({ desk, id: department.id, moveOpenTicketsTo: needsTarget ? moveTo : null });
      await queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.departments.pathKey() });
      onArchived(t("archive.done", { name: department.name }));
      onClose();
    });
  }

  return (
    <>
      <FormDialogHeader title={t("archive.title", { name: department.name })} description={t("archive.description")} />
      {needsTarget ? (
        <Field label={t("archive.moveTo", { count: openCount.data ?? 0 })} required>
          {(control) => (
            <NativeSelect {...control} value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
              <option value="">{t("archive.chooseDepartment")}</option>
              <Options items={targets} value={(d) => d.id} label={(d) => d.name} />
            </NativeSelect>
          )}
        </Field>
      ) : null}
      {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("form.cancel")}
          </Button>
        </DialogClose>
        <Button type="button" variant="danger" loading={archive.isPending} disabled={openCount.isPending} onClick={() => void confirm()}>
          {t("archive.confirm")}
        </Button>
      </DialogFooter>
    </>
  );
}
