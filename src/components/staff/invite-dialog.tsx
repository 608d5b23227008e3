"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useWatch, type UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogHeader } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { GrantSelect } from "./grant-select";
import { InvitationLink } from "./invitation-link";
import { departmentTree, inheritedLevels, type GrantLevel } from "./shared";
import { email, personName } from "@/server/kernel/inputs";

const schema = z.object({ email, name: personName, role: z.enum(["admin", "agent"]) });
type FormValues = z.input<typeof schema>;

type Sent = { link: string; email: string; expiresAt: Date };

/** The "Invite" button of the Staff page and its dialog: the form, then the link to pass on. */
export function InviteButton({ desk, deskName }: { desk: string; deskName: string }) {
  const t = useTranslations("staff.invite");
  const [open, setOpen] = useState(false);
  // A new form each time the dialog opens (the key remounts it), so nothing stale is left over.
  const [round, setRound] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setRound((r) => r + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button">
          <PlusIcon />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <InviteFlow key={round} desk={desk} deskName={deskName} onAnother={() => setRound((r) => r + 1)} />
      </DialogContent>
    </Dialog>
  );
}

function InviteFlow({ desk, deskName, onAnother }: { desk: string; deskName: string; onAnother: () => void }) {
  const t = useTranslations("staff.invite");
  const [sent, setSent] = useState<Sent | null>(null);
  if (sent) {
    return (
      <>
        <FormDialogHeader title={t("sentTitle")} description={t("sentDescription", { email: sent.email })} />
        <InvitationLink link={sent.link} email={sent.email} expiresAt={sent.expiresAt} />
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={onAnother}>
            {t("another")}
          </Button>
          <DialogClose asChild>
            <Button type="button">{t("done")}</Button>
          </DialogClose>
        </DialogFooter>
      </>
    );
  }
  return <InviteForm desk={desk} deskName={deskName} onSent={setSent} />;
}

function InviteForm({ desk, deskName, onSent }: { desk: string; deskName: string; onSent: (sent: Sent) => void }) {
  const t = useTranslations("staff.invite");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.staff.invite.mutationOptions());
  const [grants, setGrants] = useState<Record<string, GrantLevel>>({});
  const form = useServerForm(schema, { defaultValues: { email: "", name: "", role: "agent" }, mode: "onTouched", fields: ["email", "name", "role"] });
  const { register, problem } = form;
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.submit(async (values) => {
    const result = await invite.mutateAsync({ desk, ...values, grants: values.role === "agent" ? grants : {} });
    void queryClient.invalidateQueries({ queryKey: trpc.staff.invitations.queryKey() });
    onSent({ link: result.link, email: result.invitation.email, expiresAt: result.invitation.expiresAt });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormDialogHeader title={t("title")} description={t("description", { desk: deskName })} />
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("email")} error={problem("email")} required>
          <Input type="email" autoComplete="off" autoFocus maxLength={maxLengthOf(email)} {...register("email")} />
        </Field>
        <Field label={t("name")} error={problem("name")} hint={t("nameHint")} required>
          <Input autoComplete="off" maxLength={maxLengthOf(personName)} {...register("name")} />
        </Field>
      </div>
      <RolePicker register={register} error={problem("role")} />
      {role === "agent" ? (
        <GrantPicker desk={desk} grants={grants} onChange={setGrants} />
      ) : (
        <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("adminAccess")}</p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {tCommon("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t("submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}

function RolePicker({ register, error }: { register: UseFormRegister<FormValues>; error?: string }) {
  const t = useTranslations("staff.invite");
  const tRole = useTranslations("panel.userMenu.role");
  const base = useId();
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm leading-5 font-medium text-slate-800">{t("role")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {(["agent", "admin"] as const).map((role) => (
          <label
            key={role}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 transition-colors hover:border-slate-400",
              "has-checked:border-brand-500 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
            )}
          >
            <input
              type="radio"
              value={role}
              aria-describedby={`${base}-${role}`}
              className="mt-0.5 size-4 accent-brand-600 focus-visible:outline-none"
              {...register("role")}
            />
            <span className="flex flex-col gap-0.5">
              <span className="text-sm font-medium text-slate-900">{tRole(role)}</span>
              {/* Read as the radio's description, not as part of its name. */}
              <span id={`${base}-${role}`} aria-hidden="true" className="text-sm text-slate-600">
                {t(`roleDescription.${role}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/** One access level per department, sub-departments indented under their parent. */
function GrantPicker({ desk, grants, onChange }: { desk: string; grants: Record<string, GrantLevel>; onChange: (grants: Record<string, GrantLevel>) => void }) {
  const t = useTranslations("staff.invite");
  const tLevels = useTranslations("staff.levels");
  const trpc = useTRPC();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data]);
  const inherited = useMemo(() => inheritedLevels(tree, grants), [tree, grants]);
  const hintId = useId();
  const anyAccess = tree.some((d) => grants[d.id] || inherited.get(d.id));

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={hintId}>
      <legend className="text-sm leading-5 font-medium text-slate-800">{t("access")}</legend>
      <p id={hintId} className="text-sm text-slate-500">
        {t("accessHint")}
      </p>
      <QueryState
        query={departments}
        loading={<ListSkeleton rows={3} />}
        errorMessage={t("departmentsError")}
        isEmpty={() => tree.length === 0}
        empty={<p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("noDepartments")}</p>}
      >
        {() => (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {tree.map((department) => {
              const id = `${hintId}-${department.id}`;
              return (
                <li key={department.id} className="flex items-center justify-between gap-3 px-3 py-2">
                  <label htmlFor={id} className="flex min-w-0 items-center gap-1.5 text-sm text-slate-800" style={{ paddingLeft: `${department.depth * 1.25}rem` }}>
                    {department.depth > 0 ? (
                      <span aria-hidden="true" className="text-slate-400">
                        ↳
                      </span>
                    ) : null}
                    <span className={cn("truncate", department.depth === 0 && "font-medium")}>{department.name}</span>
                  </label>
                  <GrantSelect
                    id={id}
                    label={t("accessTo", { department: department.name })}
                    value={grants[department.id]}
                    inherited={inherited.get(department.id)}
                    onChange={(level) => {
                      const next = { ...grants };
                      if (level) next[department.id] = level;
                      else delete next[department.id];
                      onChange(next);
                    }}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      <p className="text-sm text-slate-500">{tLevels("help")}</p>
      {tree.length > 0 && !anyAccess ? <p className="text-sm text-amber-800">{t("noAccessWarning")}</p> : null}
    </fieldset>
  );
}
