// Bench-only prototypes: the service functions (or the same statement with one change) timed and
// explained beside the shipped version, each inside a transaction that is rolled back — the index
// or catalog change made for the prototype never outlives it. Both sides run the same way
// (service function inside enterTenant, no tRPC around it), so the numbers compare directly.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type postgres from "postgres";
import { customers } from "@/server/customers/schema";
import { enterTenant } from "@/server/db/tenant";
import type { Database, TenantDb } from "@/server/db/types";
import { departments } from "@/server/departments/schema";
import { unsafeFindDeskAccess } from "@/server/desks/access";
import type { Actor } from "@/server/staff/actor";
import { users } from "@/server/auth/schema";
import { memberships } from "@/server/staff/schema";
import { listInbox, visibleDepartments, type InboxQuery } from "@/server/tickets/inbox";
import { tickets } from "@/server/tickets/schema";
import { searchTickets } from "@/server/tickets/search";
import { explainStatements, flagsOf, readable, shortSql, withNestedPlans, type loggingDatabase } from "./explain";
import { STEPWISE_FUNCTION, stepwiseTextSearch } from "./search-proposal";
import { fmt, timeRuns, type Timing } from "./timing";

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
/**
 * listInbox's filtered priority page with the page cut before the joins (bench-only copy of the
 * query shape proposed for src/server/tickets/inbox.ts listInbox; same rows and order).
 */
async function pageFirstInbox(tx: TenantDb, actor: Actor, queue: string) {
  const allowed = await visibleDepartments(tx, actor, queue);
  if (allowed !== "all" && allowed.length === 0) return [];
  const page = tx
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      channel: tickets.channel,
      tags: tickets.tags,
      departmentId: tickets.departmentId,
      assigneeMembershipId: tickets.assigneeMembershipId,
      customerId: tickets.customerId,
      heldReason: tickets.heldReason,
      lastCustomerMessageAt: tickets.lastCustomerMessageAt,
      lastActivityAt: tickets.lastActivityAt,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .where(
      and(
        sql`${tickets.deletedAt} is null and ${tickets.heldReason} is null and ${tickets.archivedAt} is null`,
        inArray(tickets.status, ["new", "open", "pending", "on_hold"]),
        allowed === "all" ? undefined : inArray(tickets.departmentId, allowed),
        inArray(tickets.priority, [2, 3]),
      ),
    )
    .orderBy(desc(tickets.priority), desc(tickets.id))
    .limit(51)
    .as("page");
  return tx
    .select({
      id: page.id,
      number: page.number,
      subject: page.subject,
      priority: page.priority,
      departmentName: departments.name,
      assigneeName: users.name,
      customerEmail: customers.email,
      customerName: customers.name,
    })
    .from(page)
    .innerJoin(customers, eq(customers.id, page.customerId))
    .innerJoin(departments, eq(departments.id, page.departmentId))
    .leftJoin(memberships, eq(memberships.id, page.assigneeMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .orderBy(desc(page.priority), desc(page.id));
}

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
  const zip = (...lists: Measured[][]) => lists[0]!.map((_, i) => lists.map((l) => l[i]!));

  // 1. Full-text search: the shipped desk-scoped functions against the stepwise one ------------
  const [{ rolsuper }] = (await raw`select rolsuper from pg_roles where rolname = current_user`) as unknown as [{ rolsuper: boolean }];
  const words = ["thermostat", "warranty", "please", "order", "password reset", '"password reset"'];
  const searchCases = (list: string[], actors: Actor[], fn: (tx: TenantDb, actor: Actor, q: string) => Promise<unknown>) =>
    actors.flatMap((actor) => list.map((q) => makeCase(`search ${q}`, actor, (tx) => fn(tx, actor, q))));
  const main = (fn: (tx: TenantDb, actor: Actor, q: string) => Promise<unknown>) => [
    ...searchCases(words, [owner], fn),
    ...searchCases(["thermostat", "please", "app crashes"], [agent], fn),
  ];
  const shipped = await measure(logging, [], main(searchTickets), "as shipped");
  const stepwise = await measure(logging, [STEPWISE_FUNCTION], main(stepwiseTextSearch), "stepwise function");
  table(
    "Search: the shipped desk-scoped functions (migration 0004) against a stepwise function",
    "The shipped `deskhand_search_*` functions run one `… WHERE search @@ q ORDER BY id DESC LIMIT 200` per source, so the planner picks \"walk the primary key newest-first\" (about 200 / frequency rows) or \"GIN bitmap of every match, then sort\" (every match) from its estimate of the frequency — right for one word, far off for two correlated words (\"app crashes\", \"damaged package\", \"two factor\"), and either choice is slow for a word of middling frequency. The stepwise function (bench/search-proposal.ts, same result) bounds each step: the newest 10,000 rows by primary key; then older time ranges sized from the frequency seen, as GIN bitmap AND primary-key range; then the GIN index alone for the rare rest. " +
      (rolsuper ? "" : "**The bench's role is not a superuser: SECURITY DEFINER functions owned by it are still under the forced row-level security policies, so neither column can use a GIN index.**"),
    ["as shipped", "stepwise function"],
    zip(shipped, stepwise),
  );
  // A sweep over words and pairs of every frequency: the worst case is what the budget is about.
  const sweepShipped = await measure(logging, [], searchCases(SWEEP, [owner], searchTickets), "sweep as shipped", 10);
  const sweepStepwise = await measure(logging, [STEPWISE_FUNCTION], searchCases(SWEEP, [owner], stepwiseTextSearch), "sweep stepwise", 10);
  table(
    "Search sweep: words and word pairs of every frequency (owner)",
    "The same comparison over more queries, 10 calls each.",
    ["as shipped", "stepwise function"],
    zip(sweepShipped, sweepStepwise),
    10,
  );
  // Same answers: the stepwise function must return exactly what the shipped lookup returns.
  const differing = await scoped(logging.db, [STEPWISE_FUNCTION], owner, async (tx) => {
    const out: string[] = [];
    for (const q of [...words, ...SWEEP]) {
      const a = (await searchTickets(tx, owner, q)).map((r) => r.id).join();
      const b = (await stepwiseTextSearch(tx, owner, q)).map((r) => r.id).join();
      if (a !== b) out.push(q);
    }
    return out;
  });
  report.push(
    differing.length ? `**Results differ from the shipped search for: ${differing.join(", ")}.**` : "The stepwise function returned exactly the shipped search's tickets, in the same order, for every query above.",
    "",
  );
  log(differing.length ? `  RESULTS DIFFER for: ${differing.join(", ")}` : "  stepwise results identical to the shipped search for every query");
  const worst = (list: Measured[]) => list.reduce((a, b) => (b.timing.p95 > a.timing.p95 ? b : a));
  const worstLine = `Worst p95 over the sweep: as shipped ${fmt(worst(sweepShipped).timing.p95)} ms (${worst(sweepShipped).name}), stepwise function ${fmt(worst(sweepStepwise).timing.p95)} ms (${worst(sweepStepwise).name}).`;
  report.push(worstLine, "");
  log(`  ${worstLine}`);

  // 2. The filtered inbox: the page cut before the joins ---------------------------------------
  const filtered: InboxQuery = { view: "all", departmentId: desk.billingId, priority: ["high", "urgent"], sort: "priority", limit: 50 };
  const inboxCases = (fn: (tx: TenantDb, actor: Actor) => Promise<unknown>) => [owner, agent].map((a) => makeCase("inbox filtered (Billing, high/urgent, priority)", a, (tx) => fn(tx, a)));
  {
    const before = await measure(logging, [], inboxCases((tx, a) => listInbox(tx, a, filtered)), "as shipped");
    const after = await measure(logging, [], inboxCases((tx, a) => pageFirstInbox(tx, a, desk.billingId)), "page before joins");
    table(
      "The filtered inbox: LIMIT before the joins",
      "Sorted by priority, the page needs a sort, and listInbox joins customers, departments and names for every ticket that passed the filter before the sort and LIMIT. Taking the page in a subquery on tickets and joining after it (bench/prototypes.ts, pageFirstInbox) joins 51 rows.",
      ["as shipped", "page before joins"],
      zip(before, after),
    );
  }

  log("\nPlans of the prototypes:");
  for (const plan of plansForLog) log(plan);
  return { report, plans: plansForLog };
}
