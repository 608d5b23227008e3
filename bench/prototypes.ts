// Bench-only checks beside the main table: the search sweep (words and word pairs of every
// frequency, timed through the shipped service function) and a proof that the stepwise search
// functions (migration 0005) return exactly the newest matches a plain query returns. Each runs
// inside a transaction that is rolled back.
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database, TenantDb } from "@/server/db/types";
import { unsafeFindDeskAccess } from "@/server/tenancy/member";
import type { Actor } from "@/server/kernel/actor";
import { searchTickets } from "@/server/tickets/search";
import { explainStatements, flagsOf, readable, shortSql, withNestedPlans, type loggingDatabase } from "./explain";
import { fmt, timeRuns, type Timing } from "./timing";
import { enterTenant } from "@/server/tenancy/scope";

const SWEEP = [
  "thermostat", "kenya", "dropbox", "helmet", "locked", "warranty", "refund", "invoice", "cancel", "shipping",
  "refund order", "cancel subscription", "order delivered", "app crashes", "discount code", "card declined", "tracking number",
  "damaged package", "wrong item", "coffee machine", "two factor", "billing address", "laptop warranty", '"discount code"', '"two factor"',
];

type Logging = ReturnType<typeof loggingDatabase>;
class Rollback extends Error {}

/** Runs fn in the desk's scope after `setup` (as the owning role), then rolls everything back. */
async function scoped<T>(db: Database, setup: string[], actor: Actor, fn: (tx: TenantDb) => Promise<T>, nested = false): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      for (const statement of setup) await tx.execute(sql.raw(statement));
      if (nested) await withNestedPlans(tx);
      result = await fn(await enterTenant(tx, actor.tenantId, actor.userId));
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

type Case = { name: string; actor: Actor; run: (tx: TenantDb) => Promise<unknown>; role: () => string };
const makeCase = (name: string, actor: Actor, run: (tx: TenantDb) => Promise<unknown>): Case => ({
  name,
  actor,
  run,
  role: () => (actor.access.role === "owner" ? "owner" : "agent"),
});
type Measured = { name: string; role: string; timing: Timing; scans: string[]; executionMs: number[]; seqScans: string[] };

/** Times each case and explains the statements it sends, all inside one rolled-back scope per actor. */
async function measure(logging: Logging, setup: string[], cases: Case[], label: string, runs = 30): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const c of cases) {
    const measured = await scoped(logging.db, setup, c.actor, async (tx) => {
      const { timing } = await timeRuns(() => c.run(tx), runs, 3);
      return { timing };
    });
    // Plans in a second scope, with auto_explain for the statements inside functions (not for
    // the sweep: its table is the result).
    const explained = label.startsWith("sweep") ? { plans: [] as string[], statements: [] as { query: string }[] } : await scoped(
      logging.db,
      setup,
      c.actor,
      async (tx) => {
        const statements = (await logging.capture(() => c.run(tx))).filter((s) => /\b(tickets|ticket_messages|customers|bench_search_newest|deskhand_search_\w+)\b/.test(s.query) && !/set_config/.test(s.query));
        logging.notices.length = 0;
        const plans = await explainStatements(tx, statements, logging.notices);
        return { plans, statements };
      },
      true,
    );
    logging.notices.length = 0;
    const { plans, statements } = explained;
    const flags = plans.map(flagsOf);
    out.push({
      name: c.name,
      role: c.role(),
      timing: measured.timing,
      scans: [...new Set(flags.flatMap((f) => f.nodes))],
      executionMs: flags.map((f) => f.executionMs ?? 0),
      seqScans: flags.flatMap((f) => f.seqScanBig),
    });
    // The sweep's plans would be thousands of lines: its table is the result.
    plansForLog.push(...statements.map((s, i) => `--- [${label}] ${c.role()} ${c.name}\n${shortSql(s.query)}\n${readable(plans[i]!)}`));
  }
  return out;
}

const plansForLog: string[] = [];

const scansOf = (m: Measured) => `${m.scans.join("; ")}${m.seqScans.length ? " **(seq scan)**" : ""}`;
export async function prototypes(
  raw: postgres.Sql,
  logging: Logging,
  desk: { slug: string; tenantId: string; ownerUserId: string; agentUserId: string; billingId: string; email: string },
  log: (line: string) => void,
): Promise<{ report: string[]; plans: string[] }> {
  const actorOf = async (userId: string): Promise<Actor> => {
    const found = await unsafeFindDeskAccess(logging.db, desk.slug, userId);
    if (!found) throw new Error("bench: no access");
    return { tenantId: found.tenantId, userId, membershipId: found.membershipId, access: found.access, ip: null };
  };
  const owner = await actorOf(desk.ownerUserId);
  const agent = await actorOf(desk.agentUserId);
  const report: string[] = [];
  const table = (title: string, explanation: string, variants: string[], rows: Measured[][], runs = 30) => {
    report.push(
      `### ${title}`,
      "",
      explanation,
      "",
      `Service function only (no tRPC), SQL time in ms, ${runs} calls after 3 warm-up calls; scans of the last column's variant:`,
      "",
      `| case | as | ${variants.map((v) => `${v} p50 / p95`).join(" | ")} | scans (${variants[variants.length - 1]}) |`,
      `| --- | --- | ${variants.map(() => "---:").join(" | ")} | --- |`,
      ...rows.map((r) => `| ${r[0]!.name} | ${r[0]!.role} | ${r.map((m) => `${fmt(m.timing.p50)} / ${fmt(m.timing.p95)}`).join(" | ")} | ${scansOf(r[r.length - 1]!)} |`),
      "",
    );
    log(`\n${title}`);
    log(`  ${"".padEnd(50)} ${variants.map((v) => v.padStart(26)).join("")}`);
    for (const r of rows) log(`  ${r[0]!.role.padEnd(5)} ${r[0]!.name.padEnd(44)} ${r.map((m) => `${fmt(m.timing.p50)} / ${fmt(m.timing.p95)}`.padStart(26)).join("")}`);
  };

  // The sweep: the worst case over words of every frequency is what the budget is about.
  const searchCases = (list: string[], actors: Actor[]) =>
    actors.flatMap((actor) => list.map((q) => makeCase(`search ${q}`, actor, (tx) => searchTickets(tx, actor, q))));
  const sweep = await measure(logging, [], searchCases(SWEEP, [owner]), "sweep", 10);
  const sweepAgent = await measure(logging, [], searchCases(SWEEP.slice(0, 14), [agent]), "sweep agent", 10);
  table(
    "Search sweep: words and word pairs of every frequency",
    "`tickets.search` without tRPC, 10 calls each. The desk-scoped functions (migration 0005) work in bounded steps: the newest 10,000 rows by primary key; then older time ranges sized from the frequency seen, as GIN bitmap AND primary-key range; then the GIN index alone for the rare rest.",
    ["shipped"],
    [...sweep, ...sweepAgent].map((m) => [m]),
    10,
  );
  const worst = (list: Measured[]) => list.reduce((a, b) => (b.timing.p95 > a.timing.p95 ? b : a));
  const worstLine = `Worst p95 over the sweep: owner ${fmt(worst(sweep).timing.p95)} ms (${worst(sweep).name}), agent ${fmt(worst(sweepAgent).timing.p95)} ms (${worst(sweepAgent).name}).`;
  report.push(worstLine, "");
  log(`  ${worstLine}`);

  // Same answers as a plain query: the newest 200 subject and message matches of the desk.
  const config = (await raw<{ locale: string }[]>`select locale from tenants where id = ${desk.tenantId}`)[0]!.locale === "ru" ? "russian" : "english";
  const differing: string[] = [];
  for (const q of ["thermostat", "warranty", "please", "password reset", "app crashes", "damaged package", "kenya"]) {
    const reference = await raw<{ id: string }[]>`
      with m as (
        (select id as ticket_id from tickets where tenant_id = ${desk.tenantId} and search @@ websearch_to_tsquery(${config}::regconfig, ${q}) order by id desc limit 200)
        union
        (select ticket_id from ticket_messages where tenant_id = ${desk.tenantId} and search @@ websearch_to_tsquery(${config}::regconfig, ${q}) order by id desc limit 200))
      select t.id from tickets t join m on m.ticket_id = t.id where t.tenant_id = ${desk.tenantId} and t.held_reason is null order by t.id desc limit 50`;
    const shipped = await scoped(logging.db, [], owner, async (tx) => (await searchTickets(tx, owner, q)).map((r) => r.id));
    if (reference.map((r) => r.id).join() !== shipped.join()) differing.push(q);
  }
  const same = differing.length ? `**The shipped search differs from the plain query for: ${differing.join(", ")}.**` : "The shipped search returned exactly the plain query's tickets, in the same order, for every query checked.";
  report.push(same, "");
  log(`  ${same}`);

  log("\nPlans of the sweep:");
  for (const plan of plansForLog) log(plan);
  return { report, plans: plansForLog };
}
