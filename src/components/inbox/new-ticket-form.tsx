"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { DepartmentOptions } from "@/components/departments/department-options";
import { textInput } from "@/lib/text-input";
import { flattenTree, departmentTree } from "@/components/departments/tree";
import { maxLengthOf } from "@/components/forms/limits";
import { parseTags, tagsText } from "@/components/forms/tags";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { personName } from "@/server/kernel/inputs";
import { createTicketInput } from "@/server/tickets/inputs";
import { useTRPC } from "@/trpc/react";
import { priorities, ticketHref, type DepartmentItem, type StaffItem, type Viewer } from "./shared";


// The server's schema; the selects and the tag line hold text until they are sent.
const schema = createTicketInput.pick({ customerEmail: true, subject: true, body: true, departmentId: true }).extend({
  customerName: z.union([z.literal(""), personName]),
  // "" is "Automatic": the desk's priority rules decide.
  priority: z.union([z.literal(""), z.enum(priorities)]),
  assigneeMembershipId: textInput(),
  tags: tagsText,
});

type Props = {
  desk: string;
  viewer: Viewer;
  departments: readonly DepartmentItem[];
  /** Everyone on the desk for owners and admins; null for agents (they assign themselves or nobody). */
  staff: readonly StaffItem[] | null;
  prefill: { email?: string; name?: string; departmentId?: string };
};

/** Staff file a ticket for a customer (a phone call, a walk-in): it opens as the customer's request. */
export function NewTicketForm({ desk, viewer, departments, staff, prefill }: Props) {
  const t = useTranslations("inbox.new");
  const tPriority = useTranslations("inbox.priority");
  const tAutomatic = useTranslations("priority.newTicket");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.tickets.create.mutationOptions());
  const tree = flattenTree(departmentTree(departments));
  const firstDepartment = prefill.departmentId && departments.some((d) => d.id === prefill.departmentId) ? prefill.departmentId : (tree[0]?.department.id ?? "");
  const others = (staff ?? []).filter((person) => person.active && person.membershipId !== viewer.membershipId);

  const form = useServerForm(schema, {
    fields: ["customerEmail", "customerName", "subject", "body", "departmentId", "priority", "assigneeMembershipId", "tags"],
    defaultValues: {
      customerEmail: prefill.email ?? "",
      customerName: prefill.name ?? "",
      subject: "",
      body: "",
      departmentId: firstDepartment,
      priority: "",
      assigneeMembershipId: "",
      tags: "",
    },
  });
  const { register, problem } = form;

  const onSubmit = form.submit(async (values) => {
    const ticket = await create.mutateAsync({
      desk,
      customerEmail: values.customerEmail,
      customerName: values.customerName || undefined,
      subject: values.subject,
      body: values.body,
      departmentId: values.departmentId,
      priority: values.priority || undefined,
      assigneeMembershipId: values.assigneeMembershipId || null,
      tags: parseTags(values.tags) ?? [],
    });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.inbox.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.counts.pathKey() });
    router.push(ticketHref(desk, ticket.id));
  });

  if (departments.length === 0) {
    return <Alert variant="warning" title={t("noDepartments")}>{t("noDepartmentsDescription")}</Alert>;
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <Card>
        <CardContent className="flex flex-col gap-5">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-3 text-sm font-semibold text-slate-900">{t("customer")}</legend>
            <Field label={t("customerEmail")} error={problem("customerEmail")} required>
              <Input type="email" autoComplete="off" maxLength={maxLengthOf(createTicketInput.shape.customerEmail)} autoFocus={!prefill.email} {...register("customerEmail")} />
            </Field>
            <Field label={t("customerName")} hint={t("customerNameHint")} error={problem("customerName")}>
              <Input autoComplete="off" maxLength={maxLengthOf(personName)} {...register("customerName")} />
            </Field>
          </fieldset>
          <Field label={t("subject")} error={problem("subject")} required>
            <Input autoComplete="off" maxLength={maxLengthOf(createTicketInput.shape.subject)} autoFocus={Boolean(prefill.email)} {...register("subject")} />
          </Field>
          <Field label={t("body")} hint={t("bodyHint")} error={problem("body")} required>
            <Textarea rows={9} maxLength={maxLengthOf(createTicketInput.shape.body)} {...register("body")} />
          </Field>
        </CardContent>
      </Card>
      <div className="flex flex-col gap-4">
        <Card>
          <CardContent className="flex flex-col gap-4 p-5">
            <Field label={t("department")} error={problem("departmentId")} required>
              {(control) => (
                <NativeSelect {...control} {...register("departmentId")}>
                  <DepartmentOptions departments={departments} />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("priority")} hint={tAutomatic("hint")} error={problem("priority")}>
              {(control) => (
                <NativeSelect {...control} {...register("priority")}>
                  <option value="">{tAutomatic("automatic")}</option>
                  <Options items={priorities} label={(priority) => tPriority(priority)} />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("assignee")} hint={staff ? undefined : t("assigneeAgentHint")} error={problem("assigneeMembershipId")}>
              {(control) => (
                <NativeSelect {...control} {...register("assigneeMembershipId")}>
                  <option value="">{t("nobody")}</option>
                  {viewer.membershipId ? <option value={viewer.membershipId}>{t("me", { name: viewer.name })}</option> : null}
                  <Options items={others} value={(person) => person.membershipId} label={(person) => person.name} />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("tags")} hint={t("tagsHint")} error={problem("tags")}>
              <Input autoComplete="off" placeholder={t("tagsPlaceholder")} {...register("tags")} />
            </Field>
          </CardContent>
        </Card>
        {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
        <div className="flex gap-2">
          <Button type="submit" loading={form.formState.isSubmitting || create.isSuccess} className="flex-1">
            {t("submit")}
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/d/${desk}`}>{t("cancel")}</Link>
          </Button>
        </div>
      </div>
    </form>
  );
}
