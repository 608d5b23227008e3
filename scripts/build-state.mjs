// Whether `npm start` must build: no production build yet, or a source newer than it.
import fs from "node:fs";
import path from "node:path";

/** What the production build is made from; the built widget scripts in public/ are its output. */
const sources = ["src", "messages", "public", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const builtFiles = new Set([path.join("public", "widget.js"), path.join("public", "widget-frame.js")]);

/** The newest modification time under `entry` (a file or a folder), 0 when it does not exist. */
function newest(root, entry) {
  if (builtFiles.has(entry)) return 0;
  let stat;
  try {
    stat = fs.statSync(path.join(root, entry));
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(path.join(root, entry)).reduce((latest, name) => Math.max(latest, newest(root, path.join(entry, name))), stat.mtimeMs);
}

/**
 * `built`: whether `root` has a production build (.next/BUILD_ID); `changed`: the first source
 * (file or folder) modified after that build, or null.
 */
export function buildState(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return { built: false, changed: null };
  const builtAt = fs.statSync(buildId).mtimeMs;
  return { built: true, changed: sources.find((entry) => newest(root, entry) > builtAt) ?? null };
}
