import { env } from "@/env";
import { getDatabase } from "../db/client";
import { log } from "../log";
import { startConfiguredScheduler } from "./jobs";
import { seedDemoDesk } from "./demo";
import { checkProductionSettings } from "./settings-check";
import { stopOnSignals } from "./shutdown";
import { startConfiguredSmtpReceiver } from "../mail/smtp-receiver";

/**
 * Runs once when the server starts: the settings check, migrations (inside getDatabase), the demo
 * desk, the job scheduler (unless JOBS=off), the receiving SMTP server, and the graceful shutdown
 * that lets go of them all on SIGTERM.
 */
export async function startServer(): Promise<void> {
  const { errors, warnings } = checkProductionSettings(env);
  for (const warning of warnings) log.warn(warning);
  if (errors.length) {
    for (const error of errors) log.fatal(error);
    console.error(`\nDeskhand cannot start:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    process.exit(1);
  }
  const database = await getDatabase();
  const { db, kind } = database;
  log.info({ database: kind, port: env.PORT, jobs: env.JOBS }, "Database ready");
  if (env.DEMO_SEED) await seedDemoDesk(db, kind);
  // Each job once per period across every instance on this database (job_schedule claims), unless JOBS=off.
  const scheduler = startConfiguredScheduler(db);
  const smtp = await startConfiguredSmtpReceiver(db);
  if (env.NEXT_MANUAL_SIG_HANDLE) stopOnSignals({ scheduler, smtp, closeDatabase: database.close });
}
