// `npm start`: builds once if there is no production build yet, then serves it on PORT (default 3000).
// The widget scripts (public/widget.js, public/widget-frame.js) are built before any `next build`,
// and on their own when they are missing beside an existing build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const buildWidget = () => run(process.execPath, ["scripts/build-widget.mjs"]);

if (!fs.existsSync(".next/BUILD_ID")) {
  buildWidget();
  run("npx", ["next", "build"]);
} else if (!fs.existsSync("public/widget.js") || !fs.existsSync("public/widget-frame.js")) {
  buildWidget();
}
run("npx", ["next", "start", "--port", process.env.PORT ?? "3000"]);
