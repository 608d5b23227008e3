import { describe, expect, it } from "vitest";
import { signUpDesk } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { refusal } from "@/test/expect";
import { fixedClock, recordRun } from "./job-runs";
import { unsafeJobHealth } from "./job-health";
import { runJob } from "./jobs";

const database = openTestDatabase();
const at = (iso: string) => fixedClock(() => new Date(iso));

describe("the operator console's Health", () => {
  it("shows per job the last success with its lag, the last failure with its error, and late or failing jobs", async () => {
    const db = database.db;
    await recordRun(db, "sla", "web-1", async () => ({ breaches: 0 }), at("2030-01-01T11:58:00Z"));
    await recordRun(db, "billing", "web-1", async () => ({ charged: 3 }), at("2030-01-01T08:00:00Z"));
    await recordRun(db, "mail", "web-2", async () => ({ sent: 1 }), at("2030-01-01T11:59:00Z"));
    await expect(recordRun(db, "mail", "web-2", async () => Promise.reject(new Error("SMTP server refused the login")), at("2030-01-01T11:59:30Z"))).rejects.toThrow();

    const health = await unsafeJobHealth(db, new Date("2030-01-01T12:00:00Z"));
    const byJob = Object.fromEntries(health.map((h) => [h.job, h]));
    expect(byJob.sla).toMatchObject({ periodSeconds: 60, lagSeconds: 120, state: "ok", lastFailureAt: null });
    // Hourly, last success four hours ago: more than two periods.
    expect(byJob.billing).toMatchObject({ lagSeconds: 4 * 3600, state: "late" });
    expect(byJob.mail).toMatchObject({ lagSeconds: 60, state: "failing", lastError: "SMTP server refused the login", lastFailureAt: new Date("2030-01-01T11:59:30Z") });
    expect(byJob.archive).toMatchObject({ lastSuccessAt: null, lagSeconds: null, state: "never" });
  });

  it("counts a job run now (npm run job, POST /api/jobs) as a run, and is for platform operators only", async () => {
    await runJob("housekeeping", database.db);
    const [housekeeping] = (await unsafeJobHealth(database.db)).filter((h) => h.job === "housekeeping");
    expect(housekeeping).toMatchObject({ state: "ok", lastSuccessAt: expect.any(Date) });

    const desk = await signUpDesk(database.db, { slug: "health-owner" });
    expect((await refusal(desk.owner.platform.jobs())).code).toBe("FORBIDDEN");
    const operator = await signUpDesk(database.db, { slug: "health-operator", email: "operator@platform.test" });
    expect((await operator.owner.platform.jobs()).map((h) => h.job)).toContain("housekeeping");
  });
});
