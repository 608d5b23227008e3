// `npm run job -- <name>`: runs a background job once.
// With DATABASE_URL it opens the database directly (jobs are safe to run beside the servers).
// With the embedded database, which one process owns, it asks the running server to run the job
// and opens the database itself only when no server answers.
import { env } from "@/env";
import { getDatabase } from "@/server/db/client";
import { isJobName, jobToken, jobs, runJob } from "@/server/platform/jobs";

async function main() {
  const name = process.argv[2] ?? "";
  if (!isJobName(name)) {
    console.error(`Usage: npm run job -- <${Object.keys(jobs).join("|")}>`);
    process.exit(2);
  }
  if (!env.DATABASE_URL) {
    try {
      const response = await fetch(`http://127.0.0.1:${env.PORT}/api/jobs/${name}`, {
        method: "POST",
        headers: { authorization: `Bearer ${jobToken()}` },
      });
      console.log(JSON.stringify(await response.json()));
      process.exit(response.ok ? 0 : 1);
    } catch {
      console.log("No server is running: opening the embedded database directly.");
    }
  }
  const database = await getDatabase();
  console.log(JSON.stringify({ job: name, result: await runJob(name, database.db) }));
  await database.close();
}

void main();
