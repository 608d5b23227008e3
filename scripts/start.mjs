// `npm start`: builds when there is no production build yet or when a source changed since it was
// made (after a `git pull`), then serves it on PORT (default 3000). The widget scripts
// (public/widget.js, public/widget-frame.js) are built before any `next build`, and on their own
// when they are missing beside an existing build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { buildState } from "./build-state.mjs";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const buildWidget = () => run(process.execPath, ["scripts/build-widget.mjs"]);

const { built, changed } = buildState(".");
if (changed) console.log(`Sources changed since the last build (${changed}): building again.`);

if (!built || changed) {
  buildWidget();
  run("npx", ["next", "build"]);
} else if (!fs.existsSync("public/widget.js") || !fs.existsSync("public/widget-frame.js")) {
  buildWidget();
}

// The server handles SIGTERM and SIGINT itself (NEXT_MANUAL_SIG_HANDLE: finish the running job,
// give back mailbox leases, close the pool; src/server/platform/shutdown.ts). A signal sent to this
// process (a container's PID 1, a process manager) is passed on, and we exit as the server does.
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [next, "start", "--port", process.env.PORT ?? "3000"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" },
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
