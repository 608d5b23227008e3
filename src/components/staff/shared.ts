import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { departmentTree as nestDepartments, type TreeNode } from "@/components/departments/tree";
import { effectiveGrants } from "@/server/kernel/permissions";
import { type GrantLevel } from "@/server/staff/values";

type Outputs = inferRouterOutputs<AppRouter>;
export type StaffRow = Outputs["staff"]["list"][number];
export type InvitationRow = Outputs["staff"]["invitations"][number];
export type DepartmentRow = Outputs["departments"]["list"][number];
export type ActivityRow = Outputs["staff"]["activity"][number];
export type { GrantLevel };

export const grantLevelList = ["view", "reply", "manage"] as const satisfies readonly GrantLevel[];

export function isGrantLevel(value: string): value is GrantLevel {
  return (grantLevelList as readonly string[]).includes(value);
}

/** The person's desk role and who they are, as the Staff page's client components need it. */
export type Viewer = { userId: string; role: "owner" | "admin" | "agent" };

/** A department in tree order: parents first, each followed by its sub-departments. */
export type DepartmentNode = {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  /** The top-level department this one sits under (itself when top-level). */
  rootId: string;
  parentName: string | null;
};

/**
 * Orders departments as a tree (the list comes sorted by position), flattened for tables and
 * pickers. A department whose parent is not in the list (archived, or hidden) is shown as top-level.
 */
export function departmentTree(list: readonly { id: string; name: string; parentId: string | null }[]): DepartmentNode[] {
  const out: DepartmentNode[] = [];
  const walk = (nodes: TreeNode<(typeof list)[number]>[], root: string | null, parent: (typeof list)[number] | null) => {
    for (const node of nodes) {
      const { id, name } = node.department;
      out.push({ id, name, parentId: parent?.id ?? null, depth: node.depth, rootId: root ?? id, parentName: parent?.name ?? null });
      walk(node.children, root ?? id, node.department);
    }
  };
  walk(nestDepartments(list), null, null);
  return out;
}

/** What a department gets from its ancestors when it has no grant of its own. */
export function inheritedLevels(tree: readonly DepartmentNode[], direct: Record<string, GrantLevel>): Map<string, GrantLevel> {
  const effective = effectiveGrants([...tree], new Map(Object.entries(direct)));
  const inherited = new Map<string, GrantLevel>();
  for (const department of tree) {
    if (direct[department.id] || !department.parentId) continue;
    const level = effective.get(department.parentId);
    if (level) inherited.set(department.id, level);
  }
  return inherited;
}

/** "Ann Lee" → "AL". */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((part) => part.slice(0, 1))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return letters || "?";
}

export function sameGrants(a: Record<string, GrantLevel>, b: Record<string, GrantLevel>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** The calendar day `days` before an ISO day ("2026-03-31" − 29 → "2026-03-02"). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Visually hidden text that stays in the flow. Inside a horizontally scrolled table, `sr-only`
 * (absolutely positioned) escapes the scroll box and widens the whole page.
 */
export const hiddenInTable = "inline-block size-px overflow-hidden whitespace-nowrap [clip-path:inset(50%)]";
