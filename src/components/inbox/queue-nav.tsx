"use client";

import { useTranslations } from "next-intl";
import { departmentTree, type TreeNode } from "@/components/departments/tree";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { defaultFilters, followInPlace, type ListFilters } from "./filters";
import type { DepartmentItem, QueueCounts, View } from "./shared";

type Props = {
  filters: ListFilters;
  hrefFor: (filters: ListFilters) => string;
  onChange: (filters: ListFilters) => void;
  views: readonly View[];
  departments: readonly DepartmentItem[];
  counts: QueueCounts | undefined;
  countsLoading: boolean;
};

/** The queues in the order people work them; the counts are of open work. */
export const queueOrder: readonly View[] = ["mine", "unassigned", "all", "pending", "solved", "trash", "held"];

const countOf = (counts: QueueCounts | undefined, view: View): number | undefined => {
  if (!counts) return undefined;
  if (view === "mine" || view === "unassigned" || view === "all" || view === "pending") return counts[view];
  return undefined;
};

/** A department's open tickets with those of its sub-departments: what choosing it shows. */
function withChildren(node: TreeNode<DepartmentItem>, byDepartment: Record<string, number>): number {
  return (byDepartment[node.department.id] ?? 0) + node.children.reduce((sum, child) => sum + withChildren(child, byDepartment), 0);
}

/** A queue keeps only the sort: choosing one starts from its whole list. */
const queueFilters = (current: ListFilters, change: Partial<ListFilters>): ListFilters => ({ ...defaultFilters, sort: current.sort, ...change });

export function QueueNav({ filters, hrefFor, views, departments, counts, countsLoading }: Props) {
  const t = useTranslations("inbox");
  const tree = departmentTree(departments);
  const shown = queueOrder.filter((view) => views.includes(view));

  const item = (key: string, href: string, label: string, active: boolean, count: number | undefined, depth = 0, muted = false) => (
    <li key={key}>
      <a
        href={href}
        onClick={followInPlace}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex items-center gap-2 rounded-lg py-1.5 pr-2 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-brand-600",
          active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
          muted && !active && "text-slate-500",
        )}
        style={{ paddingLeft: `${0.75 + depth * 0.875}rem` }}
      >
        {depth > 0 ? (
          <span aria-hidden="true" className="text-slate-300">
            └
          </span>
        ) : null}
        <span className="min-w-0 flex-1 truncate">{label}</span>
        {count !== undefined ? (
          <span className={cn("shrink-0 text-xs tabular-nums", active ? "text-brand-700" : "text-slate-500", count === 0 && "text-slate-400")}>{count}</span>
        ) : countsLoading ? (
          <Skeleton className="h-3 w-4" />
        ) : null}
      </a>
    </li>
  );

  const departmentItems = (nodes: TreeNode<DepartmentItem>[]): React.ReactNode[] =>
    nodes.flatMap((node) => [
      item(
        node.department.id,
        hrefFor(queueFilters(filters, { view: "all", department: node.department.id })),
        node.department.name,
        filters.department === node.department.id,
        counts ? withChildren(node, counts.byDepartment) : undefined,
        node.depth,
      ),
      ...departmentItems(node.children),
    ]);

  return (
    <nav aria-label={t("queues.label")} className="flex flex-col gap-5">
      <div>
        <h2 className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("queues.views")}</h2>
        <ul className="flex flex-col gap-0.5">
          {shown.map((view) =>
            item(view, hrefFor(queueFilters(filters, { view })), t(`views.${view}`), !filters.department && filters.view === view, countOf(counts, view), 0, view === "trash" || view === "held"),
          )}
        </ul>
      </div>
      <div>
        <h2 className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("queues.departments")}</h2>
        {departments.length === 0 ? (
          <p className="px-3 text-sm text-slate-500">{t("queues.noDepartments")}</p>
        ) : (
          <ul className="flex flex-col gap-0.5">{departmentItems(tree)}</ul>
        )}
      </div>
    </nav>
  );
}

/** The same choice as one select, for narrow screens. */
export function QueueSelect({ filters, onChange, views, departments, counts }: Props) {
  const t = useTranslations("inbox");
  const tree = departmentTree(departments);
  const flat: { id: string; name: string; depth: number; count?: number }[] = [];
  const walk = (nodes: TreeNode<DepartmentItem>[]) =>
    nodes.forEach((node) => {
      flat.push({ id: node.department.id, name: node.department.name, depth: node.depth, count: counts ? withChildren(node, counts.byDepartment) : undefined });
      walk(node.children);
    });
  walk(tree);
  const value = filters.department ? `d:${filters.department}` : `v:${filters.view}`;
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);
  return (
    <NativeSelect
      aria-label={t("queues.label")}
      className="font-medium"
      value={value}
      onChange={(e) => {
        const [kind, id] = e.target.value.split(":") as [string, string];
        onChange(kind === "d" ? queueFilters(filters, { view: "all", department: id }) : queueFilters(filters, { view: id as View }));
      }}
    >
      <optgroup label={t("queues.views")}>
        {queueOrder
          .filter((view) => views.includes(view))
          .map((view) => (
            <option key={view} value={`v:${view}`}>
              {withCount(t(`views.${view}`), countOf(counts, view))}
            </option>
          ))}
      </optgroup>
      {flat.length > 0 ? (
        <optgroup label={t("queues.departments")}>
          {flat.map((d) => (
            <option key={d.id} value={`d:${d.id}`}>
              {"\u00a0\u00a0\u00a0".repeat(d.depth)}
              {withCount(d.name, d.count)}
            </option>
          ))}
        </optgroup>
      ) : null}
    </NativeSelect>
  );
}
