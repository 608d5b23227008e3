import { inArray } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";

/**
 * Checks that department ids belong to this desk. Inside the tenant scope another desk's
 * department is simply not found, so a grant can never point across desks.
 */
export async function assertDepartmentsOfDesk(tx: TenantDb, ids: string[], options: { dropUnknown?: boolean } = {}): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = new Set((await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id));
  if (!options.dropUnknown && found.size !== new Set(ids).size) {
    throw new DeskError("BAD_REQUEST", "grants.unknownDepartment", { fields: { grants: "grants.unknownDepartment" } });
  }
  return found;
}
