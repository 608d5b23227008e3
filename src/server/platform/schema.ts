import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The platform's background jobs: global tables (no desk owns them), never granted to deskhand_app.

/**
 * One row per job: when it is next due, and which instance holds it now. An instance runs a job
 * only after claiming this row with a conditional UPDATE (due, and not held or its hold expired),
 * so with any number of instances each job runs once per period; a run whose instance died is
 * taken over once `locked_until` has passed.
 */
export const jobSchedule = pgTable("job_schedule", {
  job: text("job").primaryKey(),
  nextDueAt: timestamp("next_due_at", { withTimezone: true }).notNull(),
  lockedBy: text("locked_by"),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** Every run of a job, scheduled or asked for (`npm run job`, `POST /api/jobs/<name>`): what the operator's Health shows. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey(),
    job: text("job").notNull(),
    instance: text("instance").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ok: boolean("ok"),
    result: jsonb("result"),
    error: text("error"),
  },
  (t) => [
    // The last success and the last failure of each job; old runs by start for housekeeping.
    index("job_runs_job_idx").on(t.job, t.ok, t.startedAt),
    index("job_runs_started_idx").on(t.startedAt),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
