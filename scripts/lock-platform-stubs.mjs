// The package registry reachable here lacks some platform-specific optional packages (macOS,
// Windows, other CPUs). `npm install` then leaves them out of package-lock.json and `npm ci`
// refuses the lock as out of sync. This adds a stub entry, with the platform read from the
// package name, for each such missing optional dependency, so `npm ci` skips it as "not for this
// platform". Run it after `npm install` changes the lock: `npm run lock:stubs`.
import fs from "node:fs";

const lockPath = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const osNames = ["darwin", "win32", "linux", "freebsd", "android", "openharmony", "sunos", "aix", "netbsd", "openbsd", "wasm32"];
const cpuNames = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasi"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => osNames.includes(p));
  const cpu = parts.find((p) => cpuNames.includes(p) || p.startsWith("arm"));
  if (!os) return null;
  if (os === "wasm32") return { os: ["!linux"], cpu: ["wasm32"] };
  return { os: [os], cpu: [cpu === "arm" || cpu?.startsWith("arm") ? (cpu === "arm64" ? "arm64" : "arm") : cpu ?? "x64"] };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[base] || packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform || (platform.os[0] === "linux" && platform.cpu[0] === "x64")) continue;
    packages[hoisted] = { version, ...platform, optional: true, ...(entry.dev ? { dev: true } : {}) };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: added ${added} stub entr${added === 1 ? "y" : "ies"}`);
