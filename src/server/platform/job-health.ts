import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { jobPeriods, type JobName } from "./jobs";
import { jobRuns, jobSchedule } from "./schema";

export type JobHealth = {
  job: JobName;
  periodSeconds: number;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
  /** Seconds since the last success ended; null when it never succeeded. */
  lagSeconds: number | null;
  /** More than two periods (and a minute) since the last success, or a failure since then, or never run. */
  state: "ok" | "late" | "failing" | "never";
  running: boolean;
  nextDueAt: Date | null;
};

/**
 * Each job's last success, last failure with its error, and lag, for the operator console's
 * Health: platform tables only, no desk data. Two indexed reads per job (job_runs_job_idx).
 */
export async function unsafeJobHealth(db: Database, now = new Date()): Promise<JobHealth[]> {
  const schedule = new Map((await db.select().from(jobSchedule)).map((row) => [row.job, row]));
  return Promise.all(
    (Object.keys(jobPeriods) as JobName[]).map(async (job) => {
      const periodSeconds = jobPeriods[job];
      const last = (ok: boolean) =>
        db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.ok, ok))).orderBy(desc(jobRuns.startedAt)).limit(1).then((rows) => rows[0]);
      const [success, failure] = await Promise.all([last(true), last(false)]);
      const lastSuccessAt = success?.finishedAt ?? null;
      const lastFailureAt = failure?.finishedAt ?? null;
      const lagSeconds = lastSuccessAt ? Math.max(0, Math.round((now.getTime() - lastSuccessAt.getTime()) / 1000)) : null;
      const claim = schedule.get(job);
      const state: JobHealth["state"] =
        lastFailureAt && (!lastSuccessAt || lastFailureAt > lastSuccessAt)
          ? "failing"
          : lagSeconds === null
            ? "never"
            : lagSeconds > periodSeconds * 2 + 60
              ? "late"
              : "ok";
      return {
        job,
        periodSeconds,
        lastSuccessAt,
        lastFailureAt,
        lastError: failure?.error ?? null,
        lagSeconds,
        state,
        running: Boolean(claim?.lockedUntil && claim.lockedUntil > now),
        nextDueAt: claim?.nextDueAt ?? null,
      };
    }),
  );
}
