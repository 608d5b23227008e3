// Runs the Vitest suite on the embedded database (PGlite), then once more on the Postgres server
// named by TEST_DATABASE_URL when it is set (CI sets it), so both backends are proven each time.
import { spawnSync } from "node:child_process";

const { TEST_DATABASE_URL, ...withoutServer } = process.env;
const runs = [["PGlite (embedded)", withoutServer]];
if (TEST_DATABASE_URL) runs.push([`Postgres (${new URL(TEST_DATABASE_URL).host})`, { ...withoutServer, TEST_DATABASE_URL }]);

for (const [name, env] of runs) {
  console.log(`\n▶ Vitest on ${name}`);
  const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
