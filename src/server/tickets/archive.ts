import { sql } from "drizzle-orm";
import type { Database } from "../db/types";
import { rowsOf } from "../db/rows";

/**
 * Closed tickets untouched for `days` leave the default views (they stay searchable and open by
 * link). A platform job: it updates every desk's rows on purpose, in one idempotent statement.
 */
export async function unsafeArchiveClosedTickets(db: Database, days: number): Promise<{ archived: number }> {
  const result = await db.execute(sql`
    update tickets set archived_at = now()
    where status = 'closed' and archived_at is null and last_activity_at < now() - make_interval(days => ${days})
    returning id`);
  return { archived: rowsOf(result).length };
}
