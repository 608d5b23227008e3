import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { signUpDesk } from "@/test/callers";
import { withTenant } from "../tenancy/scope";
import { claimGlobalKey } from "../kernel/global-keys";

// The rules a database distributed by desk (Citus) puts on a schema, checked on the live catalog
// of whichever database the suite runs on (PGlite, and the Postgres server in CI): desks' tables
// are distributed by tenant_id (tenants by id, colocated), the platform's tables are reference
// tables, and docs/scaling.md names each one in the call that distributes it.

const database = openTestDatabase();
const rowsOf = (result: unknown): Record<string, unknown>[] => (Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []));
const query = async (statement: ReturnType<typeof sql>) => rowsOf(await database.db.execute(statement));

/** Tables replicated to every node: the platform's own, each named on purpose. */
const referenceTables = ["account_mail", "global_keys", "job_runs", "job_schedule", "password_resets", "plans", "platform_settings", "rate_limits", "recovery_codes", "second_factors", "sign_in_tickets", "user_sessions", "users"];

const tenantTables = () =>
  query(sql`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1`).then((rows) => rows.map((r) => String(r.table)));

describe("a schema a database distributed by desk accepts", () => {
  it("keeps the desk in every primary and unique key of a desk's table (tenants: its id)", async () => {
    const offending = await query(sql`
      select c.relname as table, i.relname as index
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_index x on x.indrelid = c.oid join pg_class i on i.oid = x.indexrelid
      where n.nspname = 'public' and (x.indisunique or x.indisprimary)
        and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) or c.relname = 'tenants')
        and not exists (
          select 1 from pg_attribute a
          where a.attrelid = c.oid and a.attname = case when c.relname = 'tenants' then 'id' else 'tenant_id' end and a.attnum = any(x.indkey::int2[]))
      order by 1, 2`);
    expect(offending).toEqual([]);
  });

  it("joins desks' tables only through keys that include the desk, and never points a platform table at a desk's", async () => {
    const offending = await query(sql`
      select con.conname as constraint, src.relname as from_table, dst.relname as to_table
      from pg_constraint con join pg_class src on src.oid = con.conrelid join pg_class dst on dst.oid = con.confrelid
      where con.contype = 'f' and (
        -- desk table → desk table: tenant_id on both sides, in the same position
        (exists (select 1 from pg_attribute a where a.attrelid = src.oid and a.attname = 'tenant_id')
         and exists (select 1 from pg_attribute a where a.attrelid = dst.oid and a.attname = 'tenant_id')
         and array_position(con.conkey, (select attnum from pg_attribute where attrelid = src.oid and attname = 'tenant_id'))
             is distinct from array_position(con.confkey, (select attnum from pg_attribute where attrelid = dst.oid and attname = 'tenant_id')))
        -- desk table → tenants: exactly (tenant_id) → (id), colocated
        or (dst.relname = 'tenants' and con.conkey <> array[(select attnum from pg_attribute where attrelid = src.oid and attname = 'tenant_id')]::int2[])
        -- platform table → desk table: not allowed for a reference table
        or (not exists (select 1 from pg_attribute a where a.attrelid = src.oid and a.attname = 'tenant_id') and src.relname <> 'tenants'
            and (exists (select 1 from pg_attribute a where a.attrelid = dst.oid and a.attname = 'tenant_id') or dst.relname = 'tenants'))
      )
      order by 1`);
    expect(offending).toEqual([]);
  });

  it("names every table in docs/scaling.md in the call that distributes it", async () => {
    const doc = fs.readFileSync(path.join(process.cwd(), "docs/scaling.md"), "utf8");
    const distributed = [...doc.matchAll(/create_distributed_table\('(\w+)'/g)].map((m) => m[1]).sort();
    const reference = [...doc.matchAll(/create_reference_table\('(\w+)'/g)].map((m) => m[1]).sort();
    expect(distributed).toEqual(["tenants", ...(await tenantTables())].sort());
    expect(reference).toEqual([...referenceTables].sort());
    const global = await query(sql`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'tenants'
        and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`);
    expect(global.map((r) => r.table)).toEqual(referenceTables);
  });

  it("keeps cross-desk keys unique through the directory, and a desk's scope adds only its own", async () => {
    const a = await signUpDesk(database.db, { slug: "citus-alpha" });
    const b = await signUpDesk(database.db, { slug: "citus-bravo" });
    await expect(signUpDesk(database.db, { slug: "citus-alpha" })).rejects.toMatchObject({ message: "slug.taken" });
    expect(await withTenant(database.db, a.tenantId, (tx) => claimGlobalKey(tx, "widget_key", "wk_shared", a.tenantId))).toBe(true);
    expect(await withTenant(database.db, b.tenantId, (tx) => claimGlobalKey(tx, "widget_key", "wk_shared", b.tenantId))).toBe(false);
    await expect(withTenant(database.db, a.tenantId, (tx) => claimGlobalKey(tx, "widget_key", "wk_forged", b.tenantId))).rejects.toThrow();
    // The desk is set with SET LOCAL (what Citus passes to its nodes), and only for the transaction.
    expect(await withTenant(database.db, a.tenantId, async (tx) => rowsOf(await tx.execute(sql`select current_setting('app.tenant_id') as desk`))[0]!.desk)).toBe(a.tenantId);
    expect(rowsOf(await database.db.execute(sql`select coalesce(current_setting('app.tenant_id', true), '') as desk`))[0]!.desk).toBe("");
  });
});
