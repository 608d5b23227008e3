"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { PageHeader } from "@/components/panel/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icon";
import type { Department } from "@/server/departments/schema";
import type { StaffMember } from "@/server/staff/service";
import { useTRPC } from "@/trpc/react";
import { ArchiveDepartmentDialog } from "./archive-department-dialog";
import { ArchivedDepartments } from "./archived-departments";
import { DepartmentFormDialog, type DepartmentFormTarget } from "./department-form-dialog";
import { DepartmentSummary } from "./department-summary";
import { departmentTree, type TreeNode } from "./tree";

type Props = { desk: string; initialDepartments: Department[]; initialStaff: StaffMember[] };
type Direction = "up" | "down";

/** The Departments page of owners and admins: the tree with its actions, and the archive. */
export function DepartmentManager({ desk, initialDepartments, initialStaff }: Props) {
  const t = useTranslations("panel.departments");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const departmentsQuery = useQuery({ ...trpc.departments.listAll.queryOptions({ desk }), initialData: initialDepartments });
  const staffQuery = useQuery({ ...trpc.staff.list.queryOptions({ desk }), initialData: initialStaff });
  const move = useMutation(trpc.departments.move.mutationOptions());
  const [formTarget, setFormTarget] = useState<DepartmentFormTarget | null>(null);
  const [archiving, setArchiving] = useState<Department | null>(null);
  const [notice, setNotice] = useState<{ success?: string; error?: ErrorMessage }>({});
  const [announcement, setAnnouncement] = useState("");
  const refocus = useRef<{ id: string; direction: Direction; before: Department[] } | null>(null);

  const departments = departmentsQuery.data;
  const staff = staffQuery.data;
  const active = departments.filter((d) => !d.archivedAt);
  const people = new Map(staff.map((person) => [person.membershipId, person]));

  // A moved row may be re-inserted in the DOM, which drops focus: put it back on its button.
  useEffect(() => {
    const target = refocus.current;
    if (!target || target.before === departments) return;
    refocus.current = null;
    const other: Direction = target.direction === "up" ? "down" : "up";
    const button =
      document.querySelector<HTMLButtonElement>(`[data-move="${target.direction}-${target.id}"]:not(:disabled)`) ??
      document.querySelector<HTMLButtonElement>(`[data-move="${other}-${target.id}"]`);
    button?.focus();
  }, [departments]);

  async function onMove(department: Department, direction: Direction) {
    if (move.isPending) return;
    setNotice({});
    setAnnouncement("");
    try {
      await move.mutateAsync({ desk, id: department.id, direction });
      refocus.current = { id: department.id, direction, before: departments };
      await queryClient.invalidateQueries({ queryKey: trpc.departments.pathKey() });
      setAnnouncement(t(direction === "up" ? "movedUp" : "movedDown", { name: department.name }));
    } catch (error) {
      setNotice({ error: serverMessage(error) });
    }
  }

  const responsibleOf = (department: Department) => {
    const person = department.responsibleMembershipId ? people.get(department.responsibleMembershipId) : undefined;
    if (!person) return undefined;
    return t("responsible", { name: person.active ? person.name : `${person.name} (${t("deactivated")})` });
  };

  const item = (node: TreeNode<Department>) => {
    const { department } = node;
    const name = department.name;
    return (
      <li key={department.id} className={node.depth > 0 ? "border-t border-slate-100" : undefined}>
        <DepartmentSummary
          name={name}
          description={department.description}
          visibility={{ isPublic: department.isPublic, label: department.isPublic ? t("public") : t("internal") }}
          responsible={responsibleOf(department)}
          depth={node.depth}
          actions={
            <>
              <IconButton label={t("actions.moveUp", { name })} data-move={`up-${department.id}`} disabled={node.first} onClick={() => void onMove(department, "up")}>
                <path d="M8 12.5v-9m-4 4 4-4 4 4" />
              </IconButton>
              <IconButton label={t("actions.moveDown", { name })} data-move={`down-${department.id}`} disabled={node.last} onClick={() => void onMove(department, "down")}>
                <path d="M8 3.5v9m-4-4 4 4 4-4" />
              </IconButton>
              <IconButton label={t("actions.addChild", { name })} onClick={() => setFormTarget({ mode: "add", parentId: department.id })}>
                <path d="M8 3.5v9M3.5 8h9" />
              </IconButton>
              <Button type="button" variant="secondary" size="sm" aria-label={t("actions.editLabel", { name })} onClick={() => setFormTarget({ mode: "edit", department })}>
                {t("actions.edit")}
              </Button>
              <Button
                type="button"
                variant="dangerGhost"
                size="sm"
                aria-label={t("actions.archiveLabel", { name })}
                onClick={() => setArchiving(department)}
              >
                {t("actions.archive")}
              </Button>
            </>
          }
        />
        {node.children.length > 0 ? <ul>{node.children.map(item)}</ul> : null}
      </li>
    );
  };

  const addButton = (
    <Button type="button" onClick={() => setFormTarget({ mode: "add", parentId: null })}>
      <PlusIcon />
      {t("add")}
    </Button>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={active.length > 0 ? addButton : undefined} />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div aria-live="polite" className="mb-4 empty:hidden">
        {notice.success ? <Alert variant="success">{notice.success}</Alert> : null}
      </div>
      {notice.error ? (
        <Alert variant="error" className="mb-4">
          {errorText(notice.error)}
        </Alert>
      ) : null}
      {departmentsQuery.isError || staffQuery.isError ? (
        <Alert variant="warning" className="mb-4">
          {t("refreshError")}
        </Alert>
      ) : null}
      {active.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} action={addButton} />
      ) : (
        <ul aria-label={t("title")} aria-busy={move.isPending || undefined} className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {departmentTree(active).map(item)}
        </ul>
      )}
      <ArchivedDepartments desk={desk} departments={departments} onRestored={(success) => setNotice({ success })} />
      <DepartmentFormDialog
        desk={desk}
        target={formTarget}
        onClose={() => setFormTarget(null)}
        departments={departments}
        staff={staff}
        onSaved={(success) => setNotice({ success })}
      />
      <ArchiveDepartmentDialog desk={desk} department={archiving} departments={active} onClose={() => setArchiving(null)} onArchived={(success) => setNotice({ success })} />
    </>
  );
}

function IconButton({ label, children, ...props }: { label: string; children: React.ReactNode } & Omit<React.ComponentProps<"button">, "children">) {
  return (
    <Button type="button" variant="ghost" size="sm" aria-label={label} title={label} className="w-8 px-0" {...props}>
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {children}
      </svg>
    </Button>
  );
}
