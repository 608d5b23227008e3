import crypto from "node:crypto";
import os from "node:os";
import { and, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import { newId } from "../db/columns";
import type { Database } from "../db/types";
import { jobRuns } from "./schema";

/** This process among the instances: host, process id and a random tag (a restarted process is another instance). */
export const instanceName = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

/** The database's clock, or a test's fake one: every instance compares times on one clock. */
export type Clock = () => SQL;
export const databaseClock: Clock = () => sql`now()`;
export const fixedClock = (now: () => Date): Clock => () => sql`${now().toISOString()}::timestamptz`;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Runs `run` as one recorded run of `job`: a job_runs row at the start, its outcome at the end. */
export async function recordRun<T>(db: Database, job: string, instance: string, run: () => Promise<T>, clock: Clock = databaseClock): Promise<T> {
  const id = newId();
  await db.insert(jobRuns).values({ id, job, instance, startedAt: clock() });
  try {
    const result = await run();
    await db.update(jobRuns).set({ finishedAt: clock(), ok: true, result: result ?? null }).where(eq(jobRuns.id, id));
    return result;
  } catch (error) {
    await db.update(jobRuns).set({ finishedAt: clock(), ok: false, error: errorText(error) }).where(eq(jobRuns.id, id));
    throw error;
  }
}

/** Runs of this instance that were still going when it stopped: failed, with that reason. */
export async function markInterrupted(db: Database, instance: string, clock: Clock = databaseClock): Promise<void> {
  await db
    .update(jobRuns)
    .set({ finishedAt: clock(), ok: false, error: "Interrupted: the instance shut down before the run finished." })
    .where(and(eq(jobRuns.instance, instance), isNull(jobRuns.finishedAt)));
}

/** Housekeeping: runs older than two weeks go (the mail job alone records 5,760 a day). */
export async function unsafeForgetOldJobRuns(db: Database): Promise<number> {
  const gone = await db.delete(jobRuns).where(lt(jobRuns.startedAt, sql`now() - interval '14 days'`)).returning({ id: jobRuns.id });
  return gone.length;
}
