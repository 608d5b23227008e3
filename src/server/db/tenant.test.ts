import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser, revokeSession, startSession } from "@/server/auth/sessions";
import { callerAs, signUpDesk } from "@/test/callers";
import { createTestDatabase } from "@/test/database";
import { addMember } from "@/test/members";
import type { OpenDatabase } from "./client";
import { withTenant } from "../tenancy/scope";
import { defaultWidgetFields } from "@/server/widget/inputs";

/** Tables no desk owns (platform accounts, plans, limits, background jobs): each one named here on purpose. */
const globalTables = [
  "account_mail",
  "global_keys",
  "job_runs",
  "job_schedule",
  "password_resets",
  "plans",
  "platform_settings",
  "rate_limits",
  "recovery_codes",
  "second_factors",
  "sign_in_tickets",
  "tenants",
  "user_sessions",
  "users",
];

let database: OpenDatabase;
let deskA: Awaited<ReturnType<typeof signUpDesk>>;
let deskB: Awaited<ReturnType<typeof signUpDesk>>;
const setup = (desk: string, departments: string[]) => ({
  desk,
  displayName: desk,
  locale: "en" as const,
  timeZone: "UTC",
  departments,
  widgetFields: defaultWidgetFields,
});

beforeAll(async () => {
  database = await createTestDatabase();
  deskA = await signUpDesk(database.db, { slug: "alpha-desk" });
  deskB = await signUpDesk(database.db, { slug: "bravo-desk" });
  await deskA.owner.desk.completeSetup(setup("alpha-desk", ["A Support", "A Billing"]));
  await deskB.owner.desk.completeSetup(setup("bravo-desk", ["B Support"]));
  for (const [desk, slug] of [[deskA, "alpha-desk"], [deskB, "bravo-desk"]] as const) {
    const [first] = await desk.owner.departments.list({ desk: slug });
    await addMember(database.db, desk.tenantId, { email: `granted@${slug}.test`, role: "agent", grants: { [first!.id]: "reply" } });
  }
});
afterAll(async () => {
  await database.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

describe("one tenant door", () => {
  it("answers NOT_FOUND to a member of desk A who names desk B, and returns no data", async () => {
    expect(await codeOf(deskA.owner.desk.get({ desk: "bravo-desk" }))).toBe("NOT_FOUND");
    expect(await codeOf(deskA.owner.departments.list({ desk: "bravo-desk" }))).toBe("NOT_FOUND");
    expect(await codeOf(deskA.owner.desk.updateProfile({ desk: "bravo-desk", displayName: "Hijacked", locale: "en", timeZone: "UTC" }))).toBe("NOT_FOUND");
    expect(await codeOf(deskA.owner.departments.create({ desk: "bravo-desk", name: "Intruder" }))).toBe("NOT_FOUND");
    expect((await deskB.owner.desk.get({ desk: "bravo-desk" })).desk.displayName).toBe("bravo-desk");
    expect((await deskB.owner.departments.list({ desk: "bravo-desk" })).map((d) => d.name)).toEqual(["B Support"]);
  });

  it("answers the same for a desk that does not exist and for an anonymous caller", async () => {
    expect(await codeOf(deskA.owner.desk.get({ desk: "no-such-desk" }))).toBe("NOT_FOUND");
    expect(await codeOf((await callerAs(database.db)).desk.get({ desk: "alpha-desk" }))).toBe("UNAUTHORIZED");
  });

  it("refuses desk-wide settings to an agent and the desk to a deactivated member", async () => {
    const agent = await addMember(database.db, deskA.tenantId, { email: "agent@alpha.test", role: "agent" });
    const gone = await addMember(database.db, deskA.tenantId, { email: "gone@alpha.test", role: "admin", active: false });
    const agentCaller = await callerAs(database.db, agent.id);
    expect((await agentCaller.desk.get({ desk: "alpha-desk" })).role).toBe("agent");
    expect(await codeOf(agentCaller.desk.updateProfile({ desk: "alpha-desk", displayName: "Agent's", locale: "en", timeZone: "UTC" }))).toBe("FORBIDDEN");
    expect(await codeOf(agentCaller.departments.create({ desk: "alpha-desk", name: "Agent's" }))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs(database.db, gone.id)).desk.get({ desk: "alpha-desk" }))).toBe("NOT_FOUND");
    expect((await deskA.owner.desk.get({ desk: "alpha-desk" })).desk.displayName).toBe("alpha-desk");
  });

  it("ends a session whose token version no longer matches, or whose row was revoked", async () => {
    const session = await startSession(database.db, deskA.userId, "test", { ip: null, userAgent: null });
    const user = await findSessionUser(database.db, deskA.userId, 0, session);
    expect(user).not.toBeNull();
    expect(await findSessionUser(database.db, deskA.userId, 1, session)).toBeNull();
    expect(await findSessionUser(database.db, deskA.userId, 0, null)).toBeNull();
    await revokeSession(database.db, user!, session);
    expect(await findSessionUser(database.db, deskA.userId, 0, session)).toBeNull();
  });
});

describe("row-level security", () => {
  const tenantTables = ["tenants", "memberships", "departments", "department_grants", "audit_events"];

  it("shows a raw SELECT without any tenant filter only the scoped desk's rows", async () => {
    for (const table of tenantTables) {
      const column = table === "tenants" ? "id" : "tenant_id";
      const seen = await withTenant(database.db, deskA.tenantId, async (tx) =>
        rowsOf(await tx.execute(sql.raw(`select distinct ${column}::text as tenant from ${table}`))).map((r) => r.tenant),
      );
      expect(seen, table).toEqual([deskA.tenantId]);
    }
    const people = await withTenant(database.db, deskA.tenantId, async (tx) =>
      rowsOf(await tx.execute(sql`select id::text as id from users`)).map((r) => r.id),
    );
    expect(people).toContain(deskA.userId);
    expect(people).not.toContain(deskB.userId);
  });

  it("shows nothing at all when no desk is set", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role deskhand_app`);
      return rowsOf(await tx.execute(sql`select id from departments`));
    });
    expect(rows).toEqual([]);
  });

  it("refuses to write a row for another desk from inside a desk's scope", async () => {
    const attempt = withTenant(database.db, deskA.tenantId, (tx) =>
      tx.execute(sql`insert into departments (tenant_id, id, name) values (${deskB.tenantId}, gen_random_uuid(), 'Planted')`),
    );
    await expect(attempt).rejects.toThrow();
    expect((await deskB.owner.departments.list({ desk: "bravo-desk" })).map((d) => d.name)).toEqual(["B Support"]);
  });

  it("keeps audit events append-only for the application", async () => {
    await expect(withTenant(database.db, deskA.tenantId, (tx) => tx.execute(sql`update audit_events set action = 'forged'`))).rejects.toThrow();
    await expect(withTenant(database.db, deskA.tenantId, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
  });

  it("keeps every table without a tenant_id on the named list of the platform's global tables", async () => {
    const global = rowsOf(
      await database.db.execute(sql`
        select c.relname as table
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by 1`),
    ).map((row) => row.table);
    expect(global).toEqual(globalTables);
  });

  it("gives the application role nothing of the background jobs' tables", async () => {
    const [privileges] = rowsOf(
      await database.db.execute(sql`
        select bool_or(has_table_privilege('deskhand_app', t, p)) as any
        from unnest(array['job_runs', 'job_schedule']) t, unnest(array['select', 'insert', 'update', 'delete']) p`),
    );
    expect(privileges).toEqual({ any: false });
  });

  it("forces a policy on every table that has a tenant_id, for a role that cannot bypass it", async () => {
    const unprotected = rowsOf(
      await database.db.execute(sql`
        select c.relname as table
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
          and (not c.relrowsecurity or not c.relforcerowsecurity
               or not exists (select 1 from pg_policy p where p.polrelid = c.oid))`),
    );
    expect(unprotected).toEqual([]);
    const tenantTableCount = rowsOf(
      await database.db.execute(sql`select count(*)::int as n from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`),
    )[0]!.n;
    expect(tenantTableCount).toBeGreaterThanOrEqual(4);
    const [role] = rowsOf(await database.db.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'deskhand_app'`));
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = rowsOf(
      await database.db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tableowner = 'deskhand_app'`),
    );
    expect(owned).toEqual([]);
  });
});
