import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  const seen: TicketChange[] = [];
  void (async () => {
    for await (const change of (await subscription) as AsyncIterable<TicketChange>) seen.push(change);
  })();
  return { seen };
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
