import { env } from "@/env";
import { getDatabase } from "../db/client";
import { log } from "../log";
import { smtpConfigured } from "../outbox/transport";
import { scheduleJob } from "./jobs";
import { seedDemoDesk } from "./demo";

/** Runs once when the server starts: migrations (inside getDatabase) and the demo desk. */
export async function startServer(): Promise<void> {
  const { db, kind } = await getDatabase();
  log.info({ database: kind, port: env.PORT }, "Database ready");
  if (env.DEMO_SEED) await seedDemoDesk(db);
  if (smtpConfigured()) scheduleJob("mail", db, env.MAIL_SEND_SECONDS);
  scheduleJob("mailboxes", db, env.MAILBOX_POLL_SECONDS);
  scheduleJob("archive", db, 3600);
  // Hourly: each desk's billing day starts at its own midnight; a run charges only what is due.
  scheduleJob("billing", db, 3600);
  // SLA breaches are marked, mailed and escalated within a minute of the deadline.
  scheduleJob("sla", db, 60);
  // Waiting-time priority rules: a ticket that has waited long enough rises within 5 minutes.
  scheduleJob("priority", db, 300);
  scheduleJob("housekeeping", db, 3600);
}
