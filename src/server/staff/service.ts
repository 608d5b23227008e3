import { asc, eq, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import type { TenantDb } from "../db/types";
import { memberships } from "./schema";

export type StaffMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "agent";
  active: boolean;
  joinedAt: Date;
};

/** Everyone on the desk, owners first. */
export async function listStaff(tx: TenantDb): Promise<StaffMember[]> {
  return tx
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      active: memberships.active,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(users.name));
}

/** Active staff seats, as the plan counts them: every active member works tickets. */
export async function activeAgentCount(tx: TenantDb): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.active, true));
  return row?.n ?? 0;
}
