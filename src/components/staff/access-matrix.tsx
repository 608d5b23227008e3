"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CheckIcon } from "@/components/ui/icon";
import { joinQueries, QueryState } from "@/components/ui/query-state";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { StaffAvatar } from "./avatar";
import { GrantSelect } from "./grant-select";
import { StaffSection, TableSkeleton } from "./section";
import { departmentTree, hiddenInTable, inheritedLevels, sameGrants, type DepartmentNode, type GrantLevel, type StaffRow } from "./shared";

type RowStatus = { kind: "saved" } | { kind: "error"; text: string };

/**
 * Who may work which department: one row per active person, one column per department
 * (sub-departments after their parent). Agents' rows are edited and saved one at a time.
 */
export function AccessMatrix({ desk }: { desk: string }) {
  const t = useTranslations("staff.matrix");
  const tLevels = useTranslations("staff.levels");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.list.queryOptions({ desk }));
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data]);

  const people = (staff.data ?? []).filter((p) => p.active);
  const managers = people.filter((p) => p.role !== "agent");
  const agents = people.filter((p) => p.role === "agent");

  const body = (
    <QueryState
      query={joinQueries(staff, departments)}
      loading={<TableSkeleton rows={3} label={tCommon("loading")} />}
      errorMessage={t("error")}
      isEmpty={() => tree.length === 0}
      empty={
        <EmptyState
          className="py-8"
          title={t("noDepartments")}
          description={t("noDepartmentsHint")}
          action={
            <Link href={`/d/${desk}/departments`} className={buttonClassName({ variant: "secondary", size: "sm" })}>
              {t("openDepartments")}
            </Link>
          }
        />
      }
    >
      {() => {
        return (
          <>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table aria-label={t("label")} className="min-w-full border-separate border-spacing-0 text-sm">
                <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
                  <tr>
                    <th scope="col" className="left-0 z-10 border-b border-slate-200 bg-slate-50 px-4 py-3 tracking-wide uppercase sm:sticky">
                      {t("person")}
                    </th>
                    {tree.map((department, i) => (
                      <DepartmentHeader key={department.id} department={department} groupStart={i > 0 && department.depth === 0} />
                    ))}
                    {agents.length > 0 ? (
                      <th scope="col" className="right-0 z-10 border-b border-l border-slate-200 bg-slate-50 px-4 py-3 sm:sticky">
                        <span className={hiddenInTable}>{t("saveColumn")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {managers.map((person) => (
                    <tr key={person.membershipId}>
                      <PersonCell person={person} />
                      <td colSpan={tree.length} className="border-b border-slate-100 px-4 py-3 text-slate-600">
                        <span className="inline-flex items-center gap-2">
                          <CheckIcon className="size-4 text-emerald-600" />
                          {t("all")}
                        </span>
                      </td>
                      {agents.length > 0 ? <td className="right-0 border-b border-l border-slate-100 bg-white px-4 py-3 sm:sticky" /> : null}
                    </tr>
                  ))}
                  {agents.map((person) => (
                    <AgentRow key={person.membershipId} desk={desk} person={person} tree={tree} />
                  ))}
                </tbody>
              </table>
            </div>
            {agents.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
                <span className="font-medium text-slate-900">{staff.data?.some((p) => p.role === "agent") ? t("noActiveAgents") : t("noAgents")}</span> {t("noAgentsHint")}
              </p>
            ) : null}
            <p className="text-sm text-slate-500">{tLevels("help")}</p>
          </>
        );
      }}
    </QueryState>
  );

  return (
    <StaffSection title={t("title")} description={t("description")}>
      {body}
    </StaffSection>
  );
}

function DepartmentHeader({ department, groupStart }: { department: DepartmentNode; groupStart: boolean }) {
  const t = useTranslations("staff.matrix");
  return (
    <th
      scope="col"
      className={cn(
        "border-b border-slate-200 px-3 py-3 align-bottom font-medium whitespace-nowrap",
        groupStart && "border-l",
        department.depth > 0 && "bg-slate-100/60",
      )}
    >
      {department.depth > 0 ? (
        <span className="flex flex-col">
          <span className="text-[11px] font-normal text-slate-400">
            <span aria-hidden="true">↳ </span>
            {t("inParent", { parent: department.parentName ?? "" })}
          </span>
          <span className="text-slate-700">{department.name}</span>
        </span>
      ) : (
        <span className="text-sm font-semibold text-slate-800">{department.name}</span>
      )}
    </th>
  );
}

function PersonCell({ person }: { person: StaffRow }) {
  const tRole = useTranslations("panel.userMenu.role");
  return (
    <th scope="row" className="left-0 z-10 border-b border-slate-100 bg-white px-4 py-2.5 text-left font-normal sm:sticky">
      <span className="flex items-center gap-3">
        <StaffAvatar name={person.name} color={person.avatarColor} />
        <span className="flex min-w-0 flex-col">
          <span className="max-w-48 truncate font-medium whitespace-nowrap text-slate-900">{person.name}</span>
          <span className="text-xs text-slate-500">{tRole(person.role)}</span>
        </span>
      </span>
    </th>
  );
}

function AgentRow({ desk, person, tree }: { desk: string; person: StaffRow; tree: DepartmentNode[] }) {
  const t = useTranslations("staff.matrix");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.staff.setGrants.mutationOptions());
  // The row's edits; grants of departments not shown (archived) are kept as they are.
  const [draft, setDraft] = useState<Record<string, GrantLevel> | null>(null);
  const [status, setStatus] = useState<RowStatus | null>(null);
  const current = draft ?? person.grants;
  const dirty = draft !== null && !sameGrants(draft, person.grants);
  const inherited = useMemo(() => inheritedLevels(tree, current), [tree, current]);

  function change(departmentId: string, level: GrantLevel | undefined) {
    const next = { ...current };
    if (level) next[departmentId] = level;
    else delete next[departmentId];
    setDraft(next);
    setStatus(null);
  }

  async function onSave() {
    if (!draft) return;
    setStatus(null);
    try {
      await save.mutateAsync({ desk, membershipId: person.membershipId, grants: draft });
      await queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
      setDraft(null);
      setStatus({ kind: "saved" });
    } catch (error) {
      setStatus({ kind: "error", text: errorText(serverMessage(error)) ?? "" });
    }
  }

  return (
    <tr className={cn(dirty && "bg-amber-50/40")}>
      <PersonCell person={person} />
      {tree.map((department, i) => (
        <td
          key={department.id}
          className={cn("border-b border-slate-100 px-3 py-2", i > 0 && department.depth === 0 && "border-l border-l-slate-200", department.depth > 0 && "bg-slate-50/60")}
        >
          <GrantSelect
            compact
            label={t("cellLabel", { name: person.name, department: department.name })}
            value={current[department.id]}
            inherited={inherited.get(department.id)}
            onChange={(level) => change(department.id, level)}
            disabled={save.isPending}
          />
        </td>
      ))}
      <td className={cn("right-0 border-b border-l border-slate-100 px-3 py-2 sm:sticky", dirty ? "bg-amber-50" : "bg-white")}>
        <div className="flex items-center justify-end gap-2">
          <span role="status" className="text-xs whitespace-nowrap">
            {status?.kind === "saved" && !dirty ? (
              <span className="inline-flex items-center gap-1 text-emerald-700">
                <CheckIcon className="size-3.5" />
                {t("saved")}
              </span>
            ) : null}
          </span>
          {dirty ? (
            <Button type="button" variant="ghost" size="sm" onClick={() => setDraft(null)} disabled={save.isPending} aria-label={t("undoFor", { name: person.name })}>
              {t("undo")}
            </Button>
          ) : null}
          <Button
            type="button"
            size="sm"
            variant={dirty ? "primary" : "secondary"}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => void onSave()}
            aria-label={t("saveFor", { name: person.name })}
          >
            {t("save")}
          </Button>
        </div>
        {status?.kind === "error" ? (
          <p role="alert" className="mt-1 max-w-56 text-xs text-red-700">
            {status.text}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
