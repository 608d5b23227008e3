import crypto from "node:crypto";
import type { Database } from "../db/types";
import { log } from "../log";
import { unsafeForgetEndedSessions } from "../auth/sessions";
import { unsafeForgetExpiredTickets } from "../auth/tickets";
import { unsafeClearExpiredLimits } from "../kernel/limits";
import { unsafeDeliverDueMail } from "../outbox/outbox";
import { pollAllMailboxes } from "../mail/mailboxes";
import { env } from "@/env";
import { authSecret } from "../kernel/secret";
import { unsafeArchiveClosedTickets } from "../tickets/archive";
import { runPriorityJob } from "../tickets/auto-priority";
import { runSla } from "../tickets/sla-breaches";
import { runBilling } from "./billing-job";

/**
 * Background work. Each job is idempotent and safe to run on several instances at once: it claims
 * its rows with SKIP LOCKED or unique keys, so running it twice changes nothing twice.
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

/** Expired rate limits, sign-in tickets and long-ended sessions go. */
async function housekeeping(db: Database) {
  await unsafeClearExpiredLimits(db);
  await unsafeForgetExpiredTickets(db);
  await unsafeForgetEndedSessions(db);
  return { done: true };
}

export type JobName = keyof typeof jobs;
export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);

export async function runJob(name: JobName, db: Database): Promise<unknown> {
  const started = Date.now();
  const result = await jobs[name](db);
  log.info({ job: name, ms: Date.now() - started, result }, "Job finished");
  return result;
}

/** The bearer token of the job route, derived from the session secret (never sent anywhere else). */
export function jobToken(): string {
  return crypto.createHmac("sha256", authSecret()).update("deskhand-jobs").digest("base64url");
}

/** Runs a job inside the server every `seconds` (never two runs of it at once); returns a stop function. */
export function scheduleJob(name: JobName, db: Database, seconds: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runJob(name, db)
      .catch((error: unknown) => log.error({ err: error, job: name }, "Scheduled job failed"))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
