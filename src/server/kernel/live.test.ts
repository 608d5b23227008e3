import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Open streams re-read their member's access every 100 ms here (30 s in production).
vi.hoisted(() => {
  process.env.LIVE_ACCESS_CHECK_SECONDS = "0.1";
});
import type { OpenDatabase } from "@/server/db/client";
import { useListen } from "@/test/callers";
import { createTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { createTicket } from "../tickets/create";
import type { TicketChange } from "./live";
import { withTenant } from "@/server/tenancy/scope";

let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  useListen(database.db, database.listen);
});
afterAll(async () => {
  await database.close();
});

/**
 * Collects what a subscription yields. A server-side caller cannot cancel a subscription (the HTTP
 * adapter ends real ones with their request), so the iteration simply ends with the test file.
 */
function collect(subscription: Promise<unknown>) {
  const feed = { seen: [] as TicketChange[], ended: false };
  void (async () => {
    for await (const change of (await subscription) as AsyncIterable<TicketChange>) feed.seen.push(change);
    feed.ended = true;
  })();
  return feed;
}

const until = async (check: () => boolean, ms = 5000) => {
  for (const started = Date.now(); !check() && Date.now() - started < ms; ) await new Promise((r) => setTimeout(r, 25));
};

describe("live ticket changes", () => {
  it("reach subscribers of the desk who may see the department, after commit only", async () => {
    const desk = await readyDesk(database.db, "live-desk", ["Support", "Payments"]);
    const other = await readyDesk(database.db, "live-other", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "live@agent.test", grants: { [desk.departmentIds.Support!]: "view" } });

    const ownerFeed = collect(desk.owner.tickets.changes({ desk: desk.slug }));
    const agentFeed = collect(agent.tickets.changes({ desk: desk.slug }));
    const strangerFeed = collect(other.owner.tickets.changes({ desk: other.slug }));
    await new Promise((r) => setTimeout(r, 200));

    const support = await fileTicket(desk, { subject: "Live support" });
    const payments = await fileTicket(desk, { subject: "Live payments", department: "Payments" });
    const rolledBack = withTenant(database.db, desk.tenantId, async (tx) => {
      await createTicket(tx, desk.tenantId, { subject: "Never", body: "x", customer: { email: "x@example.com" }, departmentId: desk.departmentIds.Support!, channel: "api" }, null);
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");

    await until(() => ownerFeed.seen.length >= 2 && agentFeed.seen.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerFeed.seen.map((c) => [c.ticketId, c.kind])).toEqual([
      [support.id, "created"],
      [payments.id, "created"],
    ]);
    expect(agentFeed.seen.map((c) => c.ticketId)).toEqual([support.id]);
    expect(strangerFeed.seen).toEqual([]);
  });
});

describe("live streams of a member who loses access", () => {
  it("stop passing on a department whose grant was revoked, and end when the member is deactivated", async () => {
    const desk = await readyDesk(database.db, "live-revoked", ["Support", "Payments"]);
    const support = desk.departmentIds.Support!;
    const payments = desk.departmentIds.Payments!;
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "revoked@agent.test", grants: { [support]: "view", [payments]: "view" } });

    const agentFeed = collect(agent.tickets.changes({ desk: desk.slug }));
    await new Promise((r) => setTimeout(r, 200));
    const before = await fileTicket(desk, { subject: "Payments, still granted", department: "Payments" });
    await until(() => agentFeed.seen.length >= 1);
    expect(agentFeed.seen.map((c) => c.ticketId)).toEqual([before.id]);

    await desk.owner.staff.setGrants({ desk: desk.slug, membershipId: member.membershipId, grants: { [support]: "view" } });
    await new Promise((r) => setTimeout(r, 400));
    const hidden = await fileTicket(desk, { subject: "Payments, revoked", department: "Payments" });
    const shown = await fileTicket(desk, { subject: "Support, granted" });
    await until(() => agentFeed.seen.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(agentFeed.seen.map((c) => c.ticketId)).toEqual([before.id, shown.id]);
    expect(agentFeed.seen.map((c) => c.ticketId)).not.toContain(hidden.id);
    expect(agentFeed.ended).toBe(false);

    await desk.owner.staff.setActive({ desk: desk.slug, membershipId: member.membershipId, active: false });
    await until(() => agentFeed.ended, 2000);
    expect(agentFeed.ended).toBe(true);
  });
});
