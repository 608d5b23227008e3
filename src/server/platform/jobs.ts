import crypto from "node:crypto";
import type { Database } from "../db/types";
import { log } from "../log";
import { deliverDueMail } from "../mail/outbox";
import { authSecret } from "../auth/secret";

/**
 * Background work. Each job is idempotent and safe to run on several instances at once: it claims
 * its rows with SKIP LOCKED or unique keys, so running it twice changes nothing twice.
 */
export const jobs = {
  mail: (db: Database) => deliverDueMail(db),
} satisfies Record<string, (db: Database) => Promise<unknown>>;

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

/** Runs the jobs inside the server on a schedule; returns a stop function. */
export function scheduleJobs(db: Database, options: { mailEverySeconds: number }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runJob("mail", db)
      .catch((error: unknown) => log.error({ err: error }, "Scheduled mail job failed"))
      .finally(() => {
        running = false;
      });
  }, options.mailEverySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
