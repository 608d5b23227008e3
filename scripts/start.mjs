// `npm start`: builds once if there is no production build yet, then serves it on PORT (default 3000).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (args) => {
  const result = spawnSync("npx", ["next", ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync(".next/BUILD_ID")) run(["build"]);
run(["start", "--port", process.env.PORT ?? "3000"]);
