// The plans of the hot queries, exactly as the services send them: a Drizzle client with a logger
// records every statement a procedure runs; each one touching tickets, messages or customers is
// then run again under EXPLAIN (ANALYZE, BUFFERS) inside withTenant — SET ROLE deskhand_app and
// app.tenant_id, so row-level security is part of the plan — and rolled back.
import { drizzle } from "drizzle-orm/postgres-js";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { rowsOf } from "@/server/db/rows";
import * as schema from "@/server/db/schema";
import type { Database, TenantDb, Transaction } from "@/server/db/types";
import { enterTenant } from "@/server/tenancy/scope";

export type Captured = { query: string; params: unknown[] };

export function loggingDatabase(url: string) {
  let captured: Captured[] | null = null;
  const notices: string[] = [];
  // auto_explain's LOG lines come back as notices (client_min_messages = log, see explainInTenant).
  const client = postgres(url, { max: 4, onnotice: (notice) => notices.push(String(notice.message ?? "")) });
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query: string, params: unknown[]) => captured?.push({ query, params }) },
  }) as unknown as Database;
  return {
    db,
    notices,
    /** The statements `fn` sends. */
    async capture(fn: () => Promise<unknown>): Promise<Captured[]> {
      captured = [];
      try {
        await fn();
        return captured;
      } finally {
        captured = null;
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

const hot = /\b(from|join|update|into)\s+"(tickets|ticket_messages|customers)"|\b(deskhand_search_\w+|bench_search_newest)\(/i;
export const isHot = (query: string) => hot.test(query);

/** Statement text with its parameters bound again, as one Drizzle SQL value. */
export function rebind(prefix: string, { query, params }: Captured): SQL {
  const parts = query.split(/\$(\d+)/);
  const chunks: SQL[] = [sql.raw(prefix)];
  parts.forEach((part, i) => chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`));
  return sql.join(chunks);
}

class Rollback extends Error {}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement in an open (tenant-scoped) transaction. With
 * `notices` (auto_explain loaded, see explainInTenant) the plans of statements run inside
 * functions are appended: a function scan hides them from EXPLAIN.
 */
export async function explainStatements(tx: TenantDb, statements: Captured[], notices?: string[]): Promise<string[]> {
  const plans: string[] = [];
  for (const statement of statements) {
    const seen = notices?.length ?? 0;
    const result = await tx.execute(rebind("explain (analyze, buffers) ", statement));
    const plan = rowsOf<{ "QUERY PLAN": string }>(result).map((r) => r["QUERY PLAN"]).join("\n");
    const nested = (notices ?? [])
      .slice(seen)
      // Only statements inside functions: a top-level statement's own log line can arrive during
      // the next statement (its portal closes then), and is recognised by its text.
      .filter((n) => {
        const text = /Query Text: ?(.*)/.exec(n)?.[1] ?? "";
        const topLevel = /^explain/i.test(text) || /"(tickets|ticket_messages|customers|memberships|tenants)"/.test(text) || /(deskhand_search_\w+|bench_search_newest)\(/.test(text);
        return n.includes("plan:") && !topLevel && /\b(tickets|ticket_messages)\b/.test(n);
      });
    plans.push(nested.length ? `${plan}\n\n-- statements run inside functions (auto_explain):\n${nested.join("\n")}` : plan);
  }
  return plans;
}

/** Loads auto_explain for this transaction (superuser only), logging nested statements to the client. */
export async function withNestedPlans(tx: Transaction): Promise<boolean> {
  const [row] = rowsOf<{ rolsuper: boolean }>(await tx.execute(sql`select rolsuper from pg_roles where rolname = current_user`));
  if (!row?.rolsuper) return false;
  await tx.execute(sql`load 'auto_explain'`);
  await tx.execute(sql`select set_config('auto_explain.log_min_duration', '0', true), set_config('auto_explain.log_analyze', 'on', true),
    set_config('auto_explain.log_buffers', 'on', true), set_config('auto_explain.log_nested_statements', 'on', true),
    set_config('client_min_messages', 'log', true)`);
  return true;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, in the desk's scope (as withTenant), rolled back. */
export async function explainInTenant(logging: { db: Database; notices: string[] }, tenantId: string, userId: string, statements: Captured[]): Promise<string[]> {
  let plans: string[] = [];
  try {
    await logging.db.transaction(async (tx) => {
      const nested = await withNestedPlans(tx);
      plans = await explainStatements(await enterTenant(tx, tenantId, userId), statements, nested ? logging.notices : undefined);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  logging.notices.length = 0;
  return plans;
}

/** Long literals (id lists) cut short, for reading plans. */
export const readable = (text: string) =>
  text
    .replace(/'\{[^}]{160,}\}'/g, (m) => `'{… ${m.split(",").length} values}'`)
    .replace(/\$(\d+)(?:, \$\d+){8,}, \$(\d+)/g, (_, a: string, b: string) => `$${a}, …, $${b}`);

export type PlanFlags = {
  seqScanBig: string[];
  seqScanOther: string[];
  /** Rows one node read and threw away, or fetched in a bitmap heap scan, when over 50,000. */
  walkedRows: number;
  executionMs: number | null;
  planningMs: number | null;
  nodes: string[];
};

/** What to shout about in a plan: sequential scans of the big tables, and the scan nodes used. */
export function flagsOf(plan: string): PlanFlags {
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!);
  const nodes = [...plan.matchAll(/((?:Parallel )?(?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?) (?:using (\w+) )?on (\w+)/g)].map((m) =>
    m[2] ? `${m[1]} ${m[2]}` : `${m[1]} on ${m[3]}`,
  );
  const ms = (label: string) => {
    const match = new RegExp(`${label}: ([\\d.]+) ms`).exec(plan);
    return match ? Number(match[1]) : null;
  };
  // Rows thrown away by a filter, or fetched by a bitmap heap scan of a big table, in one node.
  const removed = Math.max(
    0,
    ...[...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].map((m) => Number(m[1])),
    ...[...plan.matchAll(/Bitmap Heap Scan on (?:tickets|ticket_messages)\b.*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/g)].map((m) => Number(m[1])),
  );
  return {
    walkedRows: removed > 50_000 ? removed : 0,
    seqScanBig: seqScans.filter((t) => t === "tickets" || t === "ticket_messages"),
    seqScanOther: seqScans.filter((t) => t === "customers"),
    executionMs: ms("Execution Time"),
    planningMs: ms("Planning Time"),
    nodes: [...new Set(nodes)],
  };
}

/** The statement shortened for a report: the select list is not what matters in a plan. */
export function shortSql(query: string): string {
  return query.replace(/^select .*? from /is, "select … from ").replace(/\s+/g, " ").slice(0, 400);
}
