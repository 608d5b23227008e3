import { env } from "@/env";
import { getDatabase } from "../db/client";
import { log } from "../log";
import { startConfiguredScheduler } from "./jobs";
import { seedDemoDesk } from "./demo";
import { startConfiguredSmtpReceiver } from "../mail/smtp-receiver";

/** Runs once when the server starts: migrations (inside getDatabase), the demo desk, the job scheduler. */
export async function startServer(): Promise<void> {
  const { db, kind } = await getDatabase();
  log.info({ database: kind, port: env.PORT, jobs: env.JOBS }, "Database ready");
  if (env.DEMO_SEED) await seedDemoDesk(db);
  // Each job once per period across every instance on this database (job_schedule claims), unless JOBS=off.
  startConfiguredScheduler(db);
  await startConfiguredSmtpReceiver(db);
}
