import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "@/test/database";
import { fixedClock } from "./job-runs";
import { createScheduler, type ScheduledJob, type Scheduler } from "./scheduler";
import { jobRuns, jobSchedule } from "./schema";

const database = openTestDatabase();

/** One clock for every "instance": the test moves it. */
function fakeTime(start = Date.parse("2030-01-01T00:00:00Z")) {
  let now = start;
  return { clock: fixedClock(() => new Date(now)), at: (seconds: number) => (now = start + seconds * 1000) };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

const runsOf = (job: string) => database.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(asc(jobRuns.startedAt));

const started: Scheduler[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop(0)));
  await database.db.delete(jobSchedule);
  await database.db.delete(jobRuns);
});

describe("the job scheduler across instances", () => {
  it("runs each job once per period with three instances ticking on one database", async () => {
    const time = fakeTime();
    const counted = { quick: 0, slow: 0 };
    const jobs: Record<string, ScheduledJob> = {
      quick: { seconds: 10, run: async () => ({ run: ++counted.quick }) },
      slow: { seconds: 30, run: async () => ({ run: ++counted.slow }) },
    };
    const instances = ["web-1", "web-2", "worker"].map((instance) => createScheduler(database.db, jobs, { instance, clock: time.clock }));
    started.push(...instances);
    for (let t = 0; t <= 60; t += 2.5) {
      time.at(t);
      await Promise.all(instances.map((s) => s.tick()));
    }
    // Due at 10, 20 … 60 and at 30, 60: never twice, never skipped.
    expect(counted).toEqual({ quick: 6, slow: 2 });
    const quick = await runsOf("quick");
    expect(quick.map((r) => r.startedAt.getTime() - Date.parse("2030-01-01T00:00:00Z"))).toEqual([10, 20, 30, 40, 50, 60].map((s) => s * 1000));
    expect(quick.every((r) => r.ok === true && r.finishedAt !== null)).toBe(true);
    expect((await runsOf("slow")).map((r) => r.result)).toEqual([{ run: 1 }, { run: 2 }]);
    const [schedule] = await database.db.select().from(jobSchedule).where(eq(jobSchedule.job, "quick"));
    expect(schedule).toMatchObject({ lockedBy: null, lockedUntil: null });
  });

  it("runs each job once per period with three instances on real timers", async () => {
    let runs = 0;
    const jobs = { beat: { seconds: 1, run: async () => ++runs } };
    const instances = ["a", "b", "c"].map((instance) => createScheduler(database.db, jobs, { instance, tickMs: 50 }));
    started.push(...instances);
    instances.forEach((s) => s.start());
    await new Promise((resolve) => setTimeout(resolve, 3_600));
    await Promise.all(instances.map((s) => s.stop(1_000)));
    // First due one period after start: runs at ~1 s, ~2 s, ~3 s.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(3);
    const beats = await runsOf("beat");
    expect(beats).toHaveLength(runs);
    for (let i = 1; i < beats.length; i++) {
      expect(beats[i]!.startedAt.getTime() - beats[i - 1]!.startedAt.getTime()).toBeGreaterThanOrEqual(990);
    }
  });

  it("records a failed run with its error, and the next period runs again", async () => {
    const time = fakeTime();
    let calls = 0;
    const scheduler = createScheduler(database.db, { flaky: { seconds: 60, run: async () => {
      calls += 1;
      if (calls === 1) throw new Error("IMAP server said no");
      return { calls };
    } } }, { instance: "solo", clock: time.clock });
    started.push(scheduler);
    for (const t of [0, 60, 120]) {
      time.at(t);
      await scheduler.tick();
    }
    const runs = await runsOf("flaky");
    expect(runs.map((r) => [r.ok, r.error])).toEqual([[false, "IMAP server said no"], [true, null]]);
  });

  it("takes over a run whose instance died, once its claim has expired", async () => {
    const time = fakeTime();
    let taken = 0;
    const dying = createScheduler(database.db, { billing: { seconds: 3600, run: () => new Promise(() => {}) } }, { instance: "dies", clock: time.clock, leaseSeconds: 120 });
    const survivor = createScheduler(database.db, { billing: { seconds: 3600, run: async () => ++taken } }, { instance: "lives", clock: time.clock, leaseSeconds: 120 });
    started.push(survivor);
    await dying.tick();
    time.at(3600);
    void dying.tick(); // claims, then hangs forever: the process "died" holding the job
    await until(async () => (await database.db.select().from(jobSchedule))[0]?.lockedBy === "dies");
    time.at(3600 + 60);
    await survivor.tick();
    expect(taken).toBe(0); // the claim still holds
    time.at(3600 + 121);
    await survivor.tick();
    expect(taken).toBe(1);
    const runs = await runsOf("billing");
    expect(runs.map((r) => [r.instance, r.ok])).toEqual([["dies", null], ["lives", true]]);
  });

  it("on stop waits for the running job, or gives its claim back when it does not finish in time", async () => {
    const time = fakeTime();
    let finish: () => void = () => {};
    const scheduler = createScheduler(database.db, {
      quick: { seconds: 10, run: () => new Promise<string>((resolve) => setTimeout(() => resolve("done"), 100)) },
      stuck: { seconds: 10, run: () => new Promise<void>((resolve) => (finish = resolve)) },
    }, { instance: "leaving", clock: time.clock });
    await scheduler.tick();
    time.at(10);
    void scheduler.tick();
    await until(async () => scheduler.running().length === 2 && (await database.db.select().from(jobRuns)).length === 2);
    expect(await scheduler.stop(500)).toEqual(["stuck"]);
    expect((await runsOf("quick")).map((r) => [r.ok, r.result])).toEqual([[true, "done"]]);
    const [stuckRun] = await runsOf("stuck");
    expect(stuckRun).toMatchObject({ ok: false, error: expect.stringContaining("shut down") });
    const [claim] = await database.db.select().from(jobSchedule).where(eq(jobSchedule.job, "stuck"));
    expect(claim).toMatchObject({ lockedBy: null, lockedUntil: null });
    expect(claim!.nextDueAt.getTime()).toBe(Date.parse("2030-01-01T00:00:10Z"));
    // A stopped scheduler claims nothing more.
    time.at(100);
    await scheduler.tick();
    expect(await runsOf("quick")).toHaveLength(1);
    finish();
  });
});

describe("JOBS=off", () => {
  it("schedules nothing on a web-only instance", async () => {
    vi.stubEnv("JOBS", "off");
    vi.resetModules();
    try {
      const { startConfiguredScheduler } = await import("./jobs");
      expect(startConfiguredScheduler(database.db)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await database.db.select().from(jobSchedule)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("schedules every job with JOBS=on", async () => {
    vi.stubEnv("JOBS", "on");
    vi.resetModules();
    try {
      const { startConfiguredScheduler, jobs } = await import("./jobs");
      const scheduler = startConfiguredScheduler(database.db, { tickMs: 20 });
      expect(scheduler).not.toBeNull();
      started.push(scheduler!);
      await until(async () => (await database.db.select().from(jobSchedule)).length > 0);
      expect((await database.db.select({ job: jobSchedule.job }).from(jobSchedule)).map((r) => r.job).sort()).toEqual(Object.keys(jobs).sort());
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
