import fs from "node:fs";
import path from "node:path";
import { and, count, eq, isNotNull, min, sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import { migrationsFolder } from "../db/client";
import { rowsOf } from "../db/rows";
import type { Database } from "../db/types";
import { metricsRegistry, registerCollector } from "../kernel/metrics";
import { mailboxes } from "../mail/schema";
import { accountMail, outbox } from "../outbox/schema";

export type MailBacklog = { queued: number; oldestQueuedSeconds: number; mailboxesInError: number };

/**
 * The platform's mail health across every desk, for /api/metrics: counts only, no desk's data.
 * Reads the outbox and the account mail (queued, not yet sent) and the enabled mailboxes whose
 * last poll failed. A cross-desk read by design: the operator watches the whole platform.
 */
export async function unsafeMailBacklog(db: Database): Promise<MailBacklog> {
  const [[desk], [account], [failing]] = await Promise.all([
    db.select({ queued: count(), oldest: min(outbox.createdAt) }).from(outbox).where(eq(outbox.status, "queued")),
    db.select({ queued: count(), oldest: min(accountMail.createdAt) }).from(accountMail).where(eq(accountMail.status, "queued")),
    db.select({ n: count() }).from(mailboxes).where(and(eq(mailboxes.enabled, true), isNotNull(mailboxes.lastError))),
  ]);
  const oldest = [desk?.oldest, account?.oldest].filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    queued: (desk?.queued ?? 0) + (account?.queued ?? 0),
    oldestQueuedSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
    mailboxesInError: failing?.n ?? 0,
  };
}

const globalForHealth = globalThis as unknown as { deskhandMailGauges?: true };

/** Adds the mail backlog gauges to /api/metrics, read from `db` at each scrape (once per process). */
export function registerMailMetrics(db: () => Promise<Database>): void {
  if (globalForHealth.deskhandMailGauges) return;
  globalForHealth.deskhandMailGauges = true;
  const registers = [metricsRegistry()];
  const queued = new Gauge({ name: "deskhand_outbox_queued", help: "Mail queued for delivery, every desk and account mail together", registers });
  const oldest = new Gauge({ name: "deskhand_outbox_oldest_queued_seconds", help: "Age of the oldest queued mail (0 when none is queued)", registers });
  const failing = new Gauge({ name: "deskhand_mailboxes_in_error", help: "Enabled IMAP mailboxes whose last poll failed", registers });
  registerCollector(async () => {
    const backlog = await unsafeMailBacklog(await db());
    queued.set(backlog.queued);
    oldest.set(backlog.oldestQueuedSeconds);
    failing.set(backlog.mailboxesInError);
  });
}

export type Readiness = { ready: boolean; database: "ok" | "unreachable"; migrations: { status: "ok" | "missing" | "unknown"; missing: string[] } };

/** The migrations this build ships (drizzle/meta/_journal.json): tag and the time drizzle records. */
function shippedMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  return journal.entries;
}

/**
 * Whether this instance can serve: the database answers, and every migration the build ships is
 * recorded as applied (drizzle writes each one's journal time into drizzle.__drizzle_migrations).
 */
export async function checkReadiness(db: Database): Promise<Readiness> {
  try {
    await db.execute(sql`select 1`);
  } catch {
    return { ready: false, database: "unreachable", migrations: { status: "unknown", missing: [] } };
  }
  try {
    const rows = rowsOf<{ created_at: string | number }>(await db.execute(sql`select created_at from drizzle.__drizzle_migrations`));
    const done = new Set(rows.map((r) => Number(r.created_at)));
    const missing = shippedMigrations().filter((m) => !done.has(m.when)).map((m) => m.tag);
    return { ready: missing.length === 0, database: "ok", migrations: { status: missing.length ? "missing" : "ok", missing } };
  } catch {
    return { ready: false, database: "ok", migrations: { status: "unknown", missing: [] } };
  }
}
