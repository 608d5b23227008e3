// `npm run db:migrate`: applies the migrations in drizzle/ to DATABASE_URL (under the same advisory
// lock the servers take at start), or to the embedded database in DATA_DIR, and exits: the release
// step before new instances start. The embedded database belongs to one process, so while a server
// is serving it this refuses (that server applied the migrations when it started).
import { env } from "@/env";
import { getDatabase } from "@/server/db/client";

async function main() {
  if (!env.DATABASE_URL) {
    const running = await fetch(`http://127.0.0.1:${env.PORT}/api/health`).then(
      () => true,
      () => false,
    );
    if (running) {
      console.error(`A server is running on port ${env.PORT} with the embedded database; it applied the migrations when it started. Stop it to migrate by hand.`);
      process.exit(1);
    }
  }
  const database = await getDatabase();
  console.log(`Migrations applied (${database.kind === "postgres" ? "Postgres server from DATABASE_URL" : "embedded database in DATA_DIR"}).`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
