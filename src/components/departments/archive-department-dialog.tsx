"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { Department } from "@/server/departments/schema";
import { useTRPC } from "@/trpc/react";

type Props = {
  desk: string;
  department: Department | null;
  onClose: () => void;
  onArchived: (message: string) => void;
};

/** Asks before archiving; the server refuses while active sub-departments remain, and we say so. */
export function ArchiveDepartmentDialog({ department, onClose, ...props }: Props) {
  return (
    <Dialog open={department !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="sm">{department ? <ArchiveConfirm department={department} onClose={onClose} {...props} /> : null}</DialogContent>
    </Dialog>
  );
}

function ArchiveConfirm({ desk, department, onClose, onArchived }: Props & { department: Department }) {
  const t = useTranslations("panel.departments");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(trpc.departments.archive.mutationOptions());
  const [error, setError] = useState<ErrorMessage>(null);

  async function confirm() {
    setError(null);
    try {
      await archive.mutateAsync({ desk, id: department.id });
      await queryClient.invalidateQueries({ queryKey: trpc.departments.pathKey() });
      onArchived(t("archive.done", { name: department.name }));
      onClose();
    } catch (cause) {
      setError(serverMessage(cause));
    }
  }

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("archive.title", { name: department.name })}</DialogTitle>
        <DialogDescription>{t("archive.description")}</DialogDescription>
      </DialogHeader>
      {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("form.cancel")}
          </Button>
        </DialogClose>
        <Button type="button" variant="danger" loading={archive.isPending} onClick={() => void confirm()}>
          {t("archive.confirm")}
        </Button>
      </DialogFooter>
    </>
  );
}
