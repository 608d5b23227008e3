"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { callError } from "./errors";
import { viewerCan } from "./shared";
import { useTicket } from "./ticket-context";

type DepartmentRow = { id: string; name: string; parentId: string | null };

/** Departments in tree order, each with its depth (sub-departments indented under their parent). */
function inTreeOrder(departments: DepartmentRow[]): { department: DepartmentRow; depth: number }[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, DepartmentRow[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const out: { department: DepartmentRow; depth: number }[] = [];
  const walk = (parent: string | null, depth: number, seen: Set<string>) => {
    for (const d of children.get(parent) ?? []) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push({ department: d, depth });
      walk(d.id, depth + 1, seen);
    }
  };
  walk(null, 0, new Set());
  return out;
}

/** Sends the ticket to another department, with an optional private note saying why. */
export function ForwardDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="md">{open ? <ForwardForm onDone={() => onOpenChange(false)} /> : null}</DialogContent>
    </Dialog>
  );
}

function ForwardForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("ticket.forward");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk: desk.slug }));
  const forward = useMutation(trpc.tickets.forward.mutationOptions());
  const [departmentId, setDepartmentId] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ErrorMessage>(null);
  const [missing, setMissing] = useState(false);
  const options = useMemo(() => inTreeOrder(departments.data ?? []), [departments.data]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!departmentId) {
      setMissing(true);
      return;
    }
    const target = options.find((o) => o.department.id === departmentId)?.department;
    try {
      await forward.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, departmentId, note: note.trim() || null });
      onDone();
      const stillVisible = viewerCan(viewer, "ticket.view", departmentId);
      if (stillVisible) await refresh();
      announce(stillVisible ? t("done", { department: target?.name ?? "" }) : t("doneNoAccess", { department: target?.name ?? "" }));
    } catch (e) {
      setError(callError(e));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{t("title", { number: data.ticket.number })}</DialogTitle>
        <DialogDescription>{t("description", { department: data.department.name })}</DialogDescription>
      </DialogHeader>
      <QueryState
        query={departments}
        loading={<Skeleton className="h-9 w-full" />}
        errorMessage={t("loadFailed")}
      >
        {() => (
          <Field label={t("department")} error={missing ? t("chooseDepartment") : undefined} required>
            {(control) => (
              <NativeSelect
                {...control}
                value={departmentId}
                onChange={(e) => {
                  setDepartmentId(e.target.value);
                  setMissing(false);
                }}
              >
                <option value="">{t("choose")}</option>
                {options.map(({ department, depth }) => (
                  <option key={department.id} value={department.id} disabled={department.id === data.ticket.departmentId}>
                    {"\u00a0\u00a0\u00a0".repeat(depth)}
                    {department.name}
                    {department.id === data.ticket.departmentId ? ` (${t("current")})` : ""}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        )}
      </QueryState>
      <Field label={t("note")} hint={t("noteHint")}>
        <Textarea rows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={forward.isPending} disabled={departments.isPending}>
          {t("submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
