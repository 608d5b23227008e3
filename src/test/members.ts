import { users } from "@/server/auth/schema";
import { hashPassword } from "@/server/kernel/password";
import type { Database } from "@/server/db/types";
import { departmentGrants, memberships } from "@/server/staff/schema";
import { unsafeDeskScope } from "@/server/tenancy/platform";
import { type GrantLevel, type Role } from "@/server/staff/values";

/**
 * Adds a staff member to a desk directly. Stands in for the invitation flow (staff issue) until
 * it exists; the rows are the same ones accepting an invite creates.
 */
export async function addMember(
  db: Database,
  tenantId: string,
  person: { email: string; role: Role; active?: boolean; grants?: Record<string, GrantLevel> },
) {
  const [user] = await db
    .insert(users)
    .values({ email: person.email, name: person.email.split("@")[0]!, passwordHash: await hashPassword("correct horse battery") })
    .returning();
  await unsafeDeskScope(db, tenantId, "a test adds a member as the desk would").run(async (tx) => {
    const [membership] = await tx
      .insert(memberships)
      .values({ tenantId, userId: user!.id, role: person.role, active: person.active ?? true })
      .returning();
    const grants = Object.entries(person.grants ?? {});
    if (grants.length > 0) {
      await tx
        .insert(departmentGrants)
        .values(grants.map(([departmentId, level]) => ({ tenantId, membershipId: membership!.id, departmentId, level })));
    }
  });
  return user!;
}
