// "The widget panel opens in under 1 s on a cold load" (DESIGN.md budgets): the production build
// served by `next start` on the bench database, a third-party page embedding the widget, and
// Chromium with an empty cache each time — from the click on the launcher to the form's Send
// button. Skipped (and said so) without a production build or a Chromium.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import type postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PORT = 3190;
const KEY = "wk_benchbenchbenchb"; // wk_ and 16 characters, like a real key

export type WidgetOpen = { skipped: string } | { runs: number[] };

export async function widgetOpenTimes(raw: postgres.Sql, databaseUrl: string, tenantId: string, runs = 5): Promise<WidgetOpen> {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) return { skipped: "no production build (run `npm run build` first)" };
  const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const base = `http://127.0.0.1:${PORT}`;
  const host = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><script src="${base}/widget.js" data-desk="${KEY}" async></script>`);
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: base, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", DEMO_SEED: "false", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error("bench: next start did not answer");
      const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // After the server's start: it applies the migrations that create the table.
    await raw`
      insert into widgets (tenant_id, public_key, identity_secret, allowed_origins) values (${tenantId}, ${KEY}, 'bench', ${[origin]})
      on conflict (tenant_id) do update set public_key = excluded.public_key, allowed_origins = excluded.allowed_origins`;
    // Widget keys are found through the directory of cross-desk keys (kernel/global-keys.ts).
    await raw`insert into global_keys (kind, key, desk_id) values ('widget_key', ${KEY}, ${tenantId}) on conflict (kind, key) do update set desk_id = excluded.desk_id`;
    const times: number[] = [];
    // One unrecorded round warms the server's code paths; then every round starts with an empty browser cache.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
      const launcher = page.getByRole("button", { name: "Open support chat" });
      await launcher.waitFor();
      const started = performance.now();
      await launcher.click();
      await page.frameLocator("iframe[title]").getByRole("button", { name: "Send" }).waitFor();
      if (i > 0) times.push(Math.round(performance.now() - started));
      await context.close();
    }
    return { runs: times };
  } finally {
    await browser.close();
    server.kill();
    host.close();
  }
}
