import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type Policy = inferRouterOutputs<AppRouter>["sla"]["policies"][number];
export type BusinessHoursData = inferRouterOutputs<AppRouter>["sla"]["hours"];

// Kept here (not imported from the server schema) so the browser bundle stays free of drizzle.
export const priorities = ["low", "normal", "high", "urgent"] as const;
export const escalations = ["raise", "normal", "high", "urgent"] as const;
export const targetFields = ["firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes"] as const;
export type TargetField = (typeof targetFields)[number];

/** A department as the policy forms list it: sub-departments indented under their parent. */
export type DepartmentOption = { id: string; label: string; name: string };

export function departmentOptions(list: { id: string; name: string; parentId: string | null }[]): DepartmentOption[] {
  const out: DepartmentOption[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const d of list.filter((x) => x.parentId === parentId)) {
      out.push({ id: d.id, name: d.name, label: `${"\u2003".repeat(depth)}${d.name}` });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Monday first, as people read a working week (0 is Sunday). */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;
