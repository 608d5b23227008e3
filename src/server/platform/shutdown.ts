import type { SMTPServer } from "smtp-server";
import { log } from "../log";
import { releaseHeldMailboxLeases } from "../mail/mailbox-poll";
import type { Scheduler } from "./scheduler";

/** What a running server holds that a shutdown must let go of. */
export type RunningServer = {
  scheduler: Scheduler | null;
  smtp: SMTPServer | null;
  /** Closes the database pool (the last step: jobs and leases need it until then). */
  closeDatabase: () => Promise<void>;
};

export type ShutdownReport = { unfinishedJobs: string[]; mailboxLeasesReleased: number };

const within = <T>(ms: number, work: Promise<T>, fallback: T): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
};

/**
 * A graceful stop: schedules no further job and waits up to `waitMs` for the running ones (their
 * claims go back to the other instances if they do not finish), stops accepting SMTP mail, gives
 * back the mailbox leases this process holds (else other instances wait out the 300 s lease), and
 * closes the database pool last.
 */
export async function shutDown(server: RunningServer, { waitMs = 10_000 } = {}): Promise<ShutdownReport> {
  const smtpClosed = server.smtp ? within(waitMs, new Promise<void>((resolve) => server.smtp!.close(() => resolve())), undefined) : Promise.resolve();
  const unfinishedJobs = server.scheduler ? await server.scheduler.stop(waitMs) : [];
  const mailboxLeasesReleased = await releaseHeldMailboxLeases().catch((error: unknown) => {
    log.error({ err: error }, "Mailbox leases not released");
    return 0;
  });
  await smtpClosed;
  await server.closeDatabase();
  return { unfinishedJobs, mailboxLeasesReleased };
}

let stopping: Promise<ShutdownReport> | null = null;

/** True once a shutdown began (for a readiness check: take this instance out of the load balancer). */
export const isShuttingDown = () => stopping !== null;

/**
 * SIGTERM and SIGINT end the process through `shutDown`. Next.js's `next start` leaves these
 * signals to us only with NEXT_MANUAL_SIG_HANDLE (set by `npm start`); without it Next exits by
 * itself and this is not installed.
 */
export function stopOnSignals(server: RunningServer, { waitMs = 10_000 } = {}): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log.info({ signal }, "Shutting down");
    // Whatever happens, the process ends a little after the wait it promised.
    setTimeout(() => process.exit(1), waitMs + 5_000).unref();
    stopping = shutDown(server, { waitMs });
    stopping.then(
      (report) => {
        log.info(report, "Shut down");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "Shutdown failed");
        process.exit(1);
      },
    );
  };
  // Kept for repeats: Ctrl-C reaches both `npm start` and the server, and a second signal must not
  // fall through to Node's default (exit at once) in the middle of the shutdown.
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
