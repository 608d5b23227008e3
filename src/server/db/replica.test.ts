import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "@/test/callers";
import { readyDesk } from "@/test/desk";
import { replicaToolsInstalled, startReplicaCluster, type ReplicaCluster } from "@/test/replica";
import { fileTicket } from "@/test/tickets";
import { withTenant } from "@/server/tenancy/scope";
import { tickets } from "../tickets/schema";
import { openPostgres, openReplica, type OpenDatabase } from "./client";
import type { Database } from "./types";

// Read replicas are a feature of a Postgres server, so this runs in the Postgres pass of the suite
// (TEST_DATABASE_URL set, as in CI), with a primary and a standby it builds from the local
// PostgreSQL 15 binaries; the embedded database has no replicas to test.
const serverPass = Boolean(process.env.TEST_DATABASE_URL) && replicaToolsInstalled;

describe.skipIf(!serverPass)("a read replica", () => {
  let cluster: ReplicaCluster;
  let primary: OpenDatabase;
  let replica: { db: Database; close: () => Promise<void> };

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    primary = await openPostgres(cluster.primaryUrl);
    replica = openReplica(cluster.replicaUrl);
  }, 180_000);
  afterAll(async () => {
    await replica?.close();
    await primary?.close();
    await cluster?.stop();
  });

  it("serves search, counts and reports from the standby through the tenant scope, while writes and the ticket view stay on the primary", async () => {
    const desk = await readyDesk(primary.db, "replica-desk", ["Support"]);
    const other = await readyDesk(primary.db, "replica-other", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["statistics"] });
    const reader = await callerAs(primary.db, desk.userId, "203.0.113.9", { replica: replica.db });
    const outsider = await callerAs(primary.db, other.userId, "203.0.113.10", { replica: replica.db });

    await fileTicket(desk, { subject: "Printer on fire", body: "Smoke from tray two." });
    await cluster.caughtUp();
    expect((await reader.tickets.search({ desk: desk.slug, query: "printer" })).map((t) => t.subject)).toEqual(["Printer on fire"]);
    const countsBefore = await reader.tickets.counts({ desk: desk.slug });
    const today = new Date().toISOString().slice(0, 10);
    const times = await reader.reports.times({ desk: desk.slug, filter: { from: today, to: today } });
    expect(times).toBeTruthy();

    // With the standby's replay paused, it still shows the past: proof that these reads go there.
    await cluster.setReplay(true);
    try {
      const fresh = await fileTicket(desk, { subject: "Coffee machine leaks", body: "Water on the floor." });
      expect((await reader.tickets.get({ desk: desk.slug, ticketId: fresh.id })).ticket.subject).toBe("Coffee machine leaks");
      expect(await reader.tickets.search({ desk: desk.slug, query: "coffee" })).toEqual([]);
      expect(await reader.tickets.counts({ desk: desk.slug })).toEqual(countsBefore);
      // A write through the same caller goes to the primary.
      await reader.tickets.reply({ desk: desk.slug, ticketId: fresh.id, kind: "note", body: "Mop ready.", expectedVersion: fresh.version });
    } finally {
      await cluster.setReplay(false);
    }
    await cluster.caughtUp();
    expect((await reader.tickets.search({ desk: desk.slug, query: "coffee" })).map((t) => t.subject)).toEqual(["Coffee machine leaks"]);

    // Row-level security holds on the standby: another desk's member and scope see nothing of this desk.
    await expect(outsider.tickets.search({ desk: desk.slug, query: "printer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await outsider.tickets.search({ desk: other.slug, query: "printer" })).toEqual([]);
    const seenByOther = await withTenant(replica.db, other.tenantId, (tx) => tx.select({ id: tickets.id }).from(tickets), { readOnly: true });
    expect(seenByOther).toEqual([]);
  });
});
