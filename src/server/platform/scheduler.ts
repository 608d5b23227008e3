import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../db/types";
import { log } from "../log";
import { databaseClock, instanceName, markInterrupted, recordRun, type Clock } from "./job-runs";
import { jobSchedule } from "./schema";

export type ScheduledJob = { seconds: number; run: (db: Database) => Promise<unknown> };

export type SchedulerOptions = {
  /** This instance's name in job_schedule.locked_by and job_runs.instance. */
  instance?: string;
  /** How often the instance looks for due jobs (one small query). */
  tickMs?: number;
  /** How long a claim holds before another instance may take the job over; renewed while the run lasts. */
  leaseSeconds?: number;
  clock?: Clock;
};

export type Scheduler = {
  /** Claims and runs every job due now that this instance is not already running; resolves when they end. */
  tick: () => Promise<void>;
  /** Starts ticking every `tickMs`. */
  start: () => void;
  /**
   * Schedules nothing more and waits up to `waitMs` for the running jobs. Claims still held then
   * are given back (due at once, for another instance) and their runs marked interrupted.
   * Returns the jobs that did not finish in time.
   */
  stop: (waitMs: number) => Promise<string[]>;
  running: () => string[];
};

const seconds = (n: number) => sql`${n} * interval '1 second'`;

/**
 * One run per job per period across any number of instances on one database. Each job has a row
 * in job_schedule; an instance runs a job only after claiming that row with a conditional UPDATE
 * (due and not held, or held past its lease by an instance that died), which moves the next due
 * time one period on. The claim is one statement, so it works alike on PGlite and on Postgres
 * (where two instances updating the same row serialise on its row lock and the second finds the
 * condition no longer true).
 */
export function createScheduler(db: Database, jobs: Record<string, ScheduledJob>, options: SchedulerOptions = {}): Scheduler {
  const instance = options.instance ?? instanceName;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const clock = options.clock ?? databaseClock;
  const busy = new Set<string>();
  const runs = new Set<Promise<void>>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  let prepared: Promise<void> | null = null;

  /** A row per job, first due one period from now (as an interval timer would first fire). */
  const prepare = () =>
    (prepared ??= db
      .insert(jobSchedule)
      .values(Object.entries(jobs).map(([job, { seconds: period }]) => ({ job, nextDueAt: sql`${clock()} + ${seconds(period)}` })))
      .onConflictDoNothing()
      .then(
        () => undefined,
        (error: unknown) => {
          // Tried again at the next tick rather than failing every tick after one lost connection.
          prepared = null;
          throw error;
        },
      ));

  const claimable = () => {
    const now = clock();
    return or(and(isNull(jobSchedule.lockedUntil), lte(jobSchedule.nextDueAt, now)), lt(jobSchedule.lockedUntil, now));
  };

  async function claim(job: string, period: number): Promise<boolean> {
    const now = clock();
    const [row] = await db
      .update(jobSchedule)
      .set({ lockedBy: instance, lockedUntil: sql`${now} + ${seconds(leaseSeconds)}`, nextDueAt: sql`${now} + ${seconds(period)}` })
      .where(and(eq(jobSchedule.job, job), claimable()))
      .returning({ job: jobSchedule.job });
    return Boolean(row);
  }

  const ours = (job: string) => and(eq(jobSchedule.job, job), eq(jobSchedule.lockedBy, instance));

  async function runClaimed(job: string, scheduled: ScheduledJob): Promise<void> {
    // Renewed while the run lasts, so a long run is not taken over; a dead instance stops renewing.
    const renew = setInterval(() => {
      db.update(jobSchedule)
        .set({ lockedUntil: sql`${clock()} + ${seconds(leaseSeconds)}` })
        .where(ours(job))
        .catch((error: unknown) => log.warn({ err: error, job }, "Job claim not renewed"));
    }, (leaseSeconds * 1000) / 3);
    renew.unref();
    try {
      const started = Date.now();
      const result = await recordRun(db, job, instance, () => scheduled.run(db), clock);
      log.info({ job, ms: Date.now() - started, result }, "Job finished");
    } catch (error) {
      log.error({ err: error, job }, "Scheduled job failed");
    } finally {
      clearInterval(renew);
      await db
        .update(jobSchedule)
        .set({ lockedBy: null, lockedUntil: null })
        .where(ours(job))
        .catch((error: unknown) => log.warn({ err: error, job }, "Job claim not released"));
    }
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    await prepare();
    const due = await db.select({ job: jobSchedule.job }).from(jobSchedule).where(and(inArray(jobSchedule.job, Object.keys(jobs)), claimable()));
    const started: Promise<void>[] = [];
    for (const { job } of due) {
      const scheduled = jobs[job];
      if (!scheduled || busy.has(job) || stopped) continue;
      busy.add(job);
      const run = claim(job, scheduled.seconds)
        .then((claimed) => (claimed ? runClaimed(job, scheduled) : undefined))
        .catch((error: unknown) => log.error({ err: error, job }, "Job claim failed"))
        .finally(() => {
          busy.delete(job);
          runs.delete(run);
        });
      runs.add(run);
      started.push(run);
    }
    await Promise.all(started);
  }

  return {
    tick,
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => log.error({ err: error }, "Job scheduler tick failed"));
      }, options.tickMs ?? 2000);
      timer.unref();
    },
    async stop(waitMs) {
      stopped = true;
      if (timer) clearInterval(timer);
      let waiting: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...runs]),
        new Promise((resolve) => {
          waiting = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(waiting);
      const unfinished = [...busy];
      if (unfinished.length) {
        // Due again at once, for an instance that stays up.
        await db.update(jobSchedule).set({ lockedBy: null, lockedUntil: null, nextDueAt: clock() }).where(eq(jobSchedule.lockedBy, instance));
        await markInterrupted(db, instance, clock);
      }
      return unfinished;
    },
    running: () => [...busy],
  };
}
