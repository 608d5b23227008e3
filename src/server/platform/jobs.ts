import crypto from "node:crypto";
import type { Database } from "../db/types";
import { log } from "../log";
import { unsafeForgetEndedSessions } from "../auth/sessions";
import { unsafeForgetExpiredTickets } from "../auth/tickets";
import { unsafeClearExpiredLimits } from "../kernel/limits";
import { unsafeDeliverDueMail } from "../outbox/outbox";
import { pollAllMailboxes } from "../mail/mailbox-poll";
import { env } from "@/env";
import { authSecret } from "../kernel/secret";
import { unsafeArchiveClosedTickets } from "../tickets/archive";
import { runPriorityJob } from "../tickets/auto-priority";
import { runSla } from "../tickets/sla-breaches";
import { runBilling } from "./billing-job";
import { instanceName, recordRun, unsafeForgetOldJobRuns } from "./job-runs";
import { createScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from "./scheduler";

/**
 * Background work. Each job is idempotent and safe to run on several instances at once: it claims
 * its rows with SKIP LOCKED or unique keys, so running it twice changes nothing twice. Inside the
 * servers the scheduler (scheduler.ts) runs each once per period across all instances.
 */
export const jobs = {
  mail: (db: Database) => unsafeDeliverDueMail(db),
  mailboxes: (db: Database) => pollAllMailboxes(db),
  archive: (db: Database) => unsafeArchiveClosedTickets(db, env.ARCHIVE_AFTER_DAYS),
  billing: (db: Database) => runBilling(db),
  sla: (db: Database) => runSla(db),
  priority: (db: Database) => runPriorityJob(db),
  housekeeping: (db: Database) => housekeeping(db),
} satisfies Record<string, (db: Database) => Promise<unknown>>;

/** Expired rate limits, sign-in tickets, long-ended sessions and old job runs go. */
async function housekeeping(db: Database) {
  await unsafeClearExpiredLimits(db);
  await unsafeForgetExpiredTickets(db);
  await unsafeForgetEndedSessions(db);
  return { done: true, jobRunsRemoved: await unsafeForgetOldJobRuns(db) };
}

export type JobName = keyof typeof jobs;
export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);

/** How often each job runs inside the servers (once per period across all instances). */
export const jobPeriods: Record<JobName, number> = {
  // Every 15 s: through SMTP_URL, or a desk's own SMTP server even when the platform has none.
  mail: env.MAIL_SEND_SECONDS,
  mailboxes: env.MAILBOX_POLL_SECONDS,
  archive: 3600,
  // Hourly: each desk's billing day starts at its own midnight; a run charges only what is due.
  billing: 3600,
  // SLA breaches are marked, mailed and escalated within a minute of the deadline.
  sla: 60,
  // Waiting-time priority rules: a ticket that has waited long enough rises within 5 minutes.
  priority: 300,
  housekeeping: 3600,
};

/** Every job with its period, as the scheduler takes them. */
export const scheduledJobs = (): Record<JobName, ScheduledJob> =>
  Object.fromEntries(Object.entries(jobs).map(([name, run]) => [name, { seconds: jobPeriods[name as JobName], run }])) as Record<JobName, ScheduledJob>;

/**
 * The scheduler of this instance, started: every job once per period across all instances. None
 * with JOBS=off (a web-only instance; a worker instance or cron runs the jobs).
 */
export function startConfiguredScheduler(db: Database, options: SchedulerOptions = {}): Scheduler | null {
  if (env.JOBS === "off") return null;
  const scheduler = createScheduler(db, scheduledJobs(), options);
  scheduler.start();
  return scheduler;
}

/** Runs a job now (`npm run job`, `POST /api/jobs/<name>`), recorded in job_runs like a scheduled run. */
export async function runJob(name: JobName, db: Database): Promise<unknown> {
  const started = Date.now();
  const run: (db: Database) => Promise<unknown> = jobs[name];
  const result = await recordRun(db, name, instanceName, () => run(db));
  log.info({ job: name, ms: Date.now() - started, result }, "Job finished");
  return result;
}

/** The bearer token of the job route, derived from the session secret (never sent anywhere else). */
export function jobToken(): string {
  return crypto.createHmac("sha256", authSecret()).update("deskhand-jobs").digest("base64url");
}
