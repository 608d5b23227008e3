import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { pollAllMailboxes } from "../mail/mailbox-poll";
import { mailboxes } from "../mail/schema";
import { withTenant } from "../tenancy/scope";
import { fixedClock } from "./job-runs";
import { createScheduler } from "./scheduler";
import { jobRuns } from "./schema";
import { shutDown } from "./shutdown";

const database = openTestDatabase();

// An IMAP server that accepts the connection and never says a word: the poll holds its lease and waits.
let silent: net.Server;
const sockets = new Set<net.Socket>();
beforeAll(async () => {
  silent = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("graceful shutdown", () => {
  it("waits for the running job, then closes the database", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const steps: string[] = [];
    const scheduler = createScheduler(database.db, {
      sla: { seconds: 60, run: () => new Promise((resolve) => setTimeout(() => resolve(steps.push("job done")), 200)) },
    }, { instance: "deploying", clock: fixedClock(() => new Date(now)) });
    await scheduler.tick();
    now += 60_000;
    void scheduler.tick();
    await until(async () => scheduler.running().length === 1);
    const report = await shutDown({ scheduler, smtp: null, closeDatabase: async () => void steps.push("database closed") }, { waitMs: 5_000 });
    expect(report).toEqual({ unfinishedJobs: [], mailboxLeasesReleased: 0 });
    expect(steps).toEqual(["job done", "database closed"]);
    const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, "sla"));
    expect(run).toMatchObject({ ok: true, instance: "deploying" });
  });

  it("gives back the lease of a mailbox it is still reading, so another instance need not wait 300 s", async () => {
    const desk = await readyDesk(database.db, "shutdown-desk", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    const address = silent.address() as net.AddressInfo;
    const { id } = await desk.owner.mail.saveMailbox({ desk: desk.slug, host: "127.0.0.1", port: address.port, secure: false, username: "u@acme.test", password: "pw", address: "help@acme.test", folder: "INBOX", departmentId: null, enabled: true });
    const leaseOf = async () => (await withTenant(database.db, desk.tenantId, (tx) => tx.select({ leaseUntil: mailboxes.leaseUntil }).from(mailboxes).where(eq(mailboxes.id, id))))[0]!.leaseUntil;

    let now = Date.parse("2030-01-02T00:00:00Z");
    const scheduler = createScheduler(database.db, { mailboxes: { seconds: 60, run: pollAllMailboxes } }, { instance: "deploying-2", clock: fixedClock(() => new Date(now)) });
    await scheduler.tick();
    now += 60_000;
    void scheduler.tick();
    await until(async () => (await leaseOf()) !== null && sockets.size > 0);
    expect(await leaseOf()).not.toBeNull();

    let closed = false;
    const report = await shutDown({ scheduler, smtp: null, closeDatabase: async () => void (closed = true) }, { waitMs: 300 });
    expect(report).toEqual({ unfinishedJobs: ["mailboxes"], mailboxLeasesReleased: 1 });
    expect(await leaseOf()).toBeNull();
    expect(closed).toBe(true);
    const runs = await database.db.select().from(jobRuns).where(eq(jobRuns.job, "mailboxes"));
    expect(runs.map((r) => [r.ok, r.error])).toEqual([[false, "Interrupted: the instance shut down before the run finished."]]);
  });
});
