import { and, eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { withTenant } from "../db/tenant";
import { firstTicketId, rescoreBatch } from "./evaluate";
import { priorityRules } from "./schema";

/**
 * The priority job (every 5 minutes): re-scores the automatic, active tickets of the desks whose
 * rules can change a score as time passes, i.e. that have an enabled waiting-time rule; other
 * scores only change when the ticket does. Finding those desks is the one cross-desk read
 * (platform work, rule kinds only); each batch then runs in its desk's own scope and
 * transaction. Idempotent: a second run finds nothing to change.
 */
export async function runPriorityJob(db: Database, now: Date = new Date()) {
  const desks = await db
    .selectDistinct({ tenantId: priorityRules.tenantId })
    .from(priorityRules)
    .where(and(eq(priorityRules.kind, "waiting"), eq(priorityRules.enabled, true)));
  let seen = 0;
  let changed = 0;
  for (const { tenantId } of desks) {
    let after: string | null = firstTicketId;
    while (after) {
      const from: string = after;
      const batch = await withTenant(db, tenantId, (tx) => rescoreBatch(tx, from, now));
      seen += batch.seen;
      changed += batch.changed;
      after = batch.last;
    }
  }
  return { desks: desks.length, seen, changed };
}
