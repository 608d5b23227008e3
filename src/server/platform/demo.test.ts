import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { dataDir } from "@/env";
import { openTestDatabase } from "@/test/database";
import { users } from "../auth/schema";
import { tenants } from "../kernel/schema";
import { log } from "../log";
import { seedDemoDesk } from "./demo";
import { checkProductionSettings } from "./settings-check";

const database = openTestDatabase();

describe("the demo desk", () => {
  it("is made once when two instances seed an empty database at the same moment", async () => {
    const { db, kind } = database.database;
    const logged = vi.spyOn(log, "info");
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    // On Postgres the two seeds run on separate connections of the pool, as two instances would.
    await Promise.all([seedDemoDesk(db, kind), seedDemoDesk(db, kind), seedDemoDesk(db, kind)]);
    const desks = await db.select({ slug: tenants.slug }).from(tenants);
    expect(desks).toEqual([{ slug: "acme" }]);
    expect(await db.select({ email: users.email }).from(users).where(eq(users.email, "owner@acme.example"))).toHaveLength(1);

    const [, password] = fs.readFileSync(path.join(dataDir, "demo-sign-in.txt"), "utf8").split("\n");
    expect(password!.length).toBeGreaterThan(8);
    // The log never carries the password; the console shows it only for the embedded quick start.
    expect(JSON.stringify(logged.mock.calls)).not.toContain(password);
    expect(printed.mock.calls.some((call) => String(call[0]).includes(password!))).toBe(kind === "pglite");
    logged.mockRestore();
    printed.mockRestore();
  });

  it("leaves a platform that already has desks alone", async () => {
    const { db, kind } = database.database;
    vi.spyOn(console, "log").mockImplementation(() => {});
    await seedDemoDesk(db, kind);
    expect(await db.select({ slug: tenants.slug }).from(tenants)).toEqual([{ slug: "acme" }]);
    vi.restoreAllMocks();
  });
});

describe("production settings", () => {
  it("refuses a Postgres server without AUTH_SECRET, naming the variable", () => {
    const { errors } = checkProductionSettings({ DATABASE_URL: "postgres://db/deskhand", AUTH_SECRET: undefined, NODE_ENV: "production" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("AUTH_SECRET");
    expect(checkProductionSettings({ DATABASE_URL: "postgres://db/deskhand", AUTH_SECRET: "s".repeat(32), NODE_ENV: "production" })).toEqual({ errors: [], warnings: [] });
  });

  it("warns when the embedded database runs with NODE_ENV=production, and not in development", () => {
    const production = checkProductionSettings({ DATABASE_URL: undefined, AUTH_SECRET: undefined, NODE_ENV: "production" });
    expect(production.errors).toEqual([]);
    expect(production.warnings.join()).toContain("PGlite");
    expect(checkProductionSettings({ DATABASE_URL: undefined, AUTH_SECRET: undefined, NODE_ENV: "development" })).toEqual({ errors: [], warnings: [] });
  });

  it("turns the demo desk off by default once DATABASE_URL is set, and keeps it on for the quick start", async () => {
    try {
      for (const [url, seed, expected] of [[undefined, undefined, true], ["postgres://db/deskhand", undefined, false], ["postgres://db/deskhand", "true", true], [undefined, "false", false]] as const) {
        vi.resetModules();
        vi.stubEnv("DATABASE_URL", url ?? "");
        vi.stubEnv("DEMO_SEED", seed ?? "");
        const { env } = await import("@/env");
        expect([url, seed, env.DEMO_SEED]).toEqual([url, seed, expected]);
      }
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
