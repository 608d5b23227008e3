import { unsafeDeskScope } from "../tenancy/platform";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/server/kernel/schema";
import { appendCustomerMessage } from "@/server/tickets/customer-message";
import { ticketEvents, tickets } from "@/server/tickets/schema";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { breachDesk, runSla } from "../tickets/sla-breaches";
import { outbox } from "@/server/outbox/schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
const MINUTE = 60_000;

type Desk = Awaited<ReturnType<typeof readyDesk>>;
type PolicyFields = Parameters<Desk["owner"]["sla"]["savePolicy"]>[0];

/** A calendar-hours policy for the whole desk (or a department) at one priority. */
function policy(desk: Desk, overrides: Partial<PolicyFields> = {}): PolicyFields {
  return {
    desk: desk.slug,
    id: null,
    departmentId: null,
    priority: "normal",
    firstResponseMinutes: 60,
    nextResponseMinutes: 120,
    resolutionMinutes: 480,
    businessHours: false,
    escalatePriority: null,
    escalateDepartmentId: null,
    ...overrides,
  };
}

const row = (desk: Desk, id: string) => withTenant(database.db, desk.tenantId, async (tx) => (await tx.select().from(tickets).where(eq(tickets.id, id)))[0]!);
const minutesAfter = (later: Date | null, earlier: Date | null) => (later && earlier ? (later.getTime() - earlier.getTime()) / MINUTE : null);

// The clocks read the time in the application: tests move it by hand, so no assertion depends on
// how long a step took.
let now = Date.now();
const advance = (minutes: number) => {
  now += minutes * MINUTE;
  vi.setSystemTime(now);
};
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  now = Date.now();
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("SLA clocks", () => {
  it("sets due times at creation from the nearest department's policy, else the desk-wide one", async () => {
    const desk = await readyDesk(database.db, "sla-create", ["Support", "Complaints"]);
    const sub = await desk.owner.departments.create({ desk: desk.slug, name: "Support L2", parentId: desk.departmentIds.Support! });
    await desk.owner.sla.savePolicy(policy(desk));
    await desk.owner.sla.savePolicy(policy(desk, { departmentId: desk.departmentIds.Support!, firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null }));

    const inSupport = await row(desk, (await fileTicket(desk)).id);
    expect(minutesAfter(inSupport.slaFirstResponseDueAt, inSupport.slaStartedAt)).toBe(30);
    expect(inSupport.slaResolutionDueAt).toBeNull();
    expect(inSupport.slaDueAt).toEqual(inSupport.slaFirstResponseDueAt);

    const inSub = await desk.owner.tickets.create({ desk: desk.slug, subject: "Sub", body: "Help", customerEmail: "c@sla.test", departmentId: sub.id, assigneeMembershipId: null, tags: [], priority: "normal" });
    expect(minutesAfter((await row(desk, inSub.id)).slaFirstResponseDueAt, (await row(desk, inSub.id)).slaStartedAt)).toBe(30);

    const elsewhere = await row(desk, (await fileTicket(desk, { department: "Complaints" })).id);
    expect(minutesAfter(elsewhere.slaFirstResponseDueAt, elsewhere.slaStartedAt)).toBe(60);
    expect(minutesAfter(elsewhere.slaResolutionDueAt, elsewhere.slaStartedAt)).toBe(480);
    expect(elsewhere.slaNextResponseDueAt).toBeNull();

    const noPolicy = await row(desk, (await fileTicket(desk, { department: "Complaints", priority: "low" })).id);
    expect(noPolicy).toMatchObject({ slaPolicyId: null, slaDueAt: null, slaBreaches: [] });

    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: elsewhere.id });
    expect(view.sla.clocks.map((c) => [c.kind, c.state, c.remainingMinutes])).toEqual([
      ["first_response", "running", 60],
      ["next_response", "stopped", null],
      ["resolution", "running", 480],
    ]);

    // Amber once less than a quarter of the target is left, red once the deadline has passed.
    advance(50);
    const soon = (await desk.owner.tickets.get({ desk: desk.slug, ticketId: elsewhere.id })).sla.clocks[0]!;
    expect(soon).toMatchObject({ kind: "first_response", remainingMinutes: 10, warning: true, breached: false });
    advance(15);
    const late = (await desk.owner.tickets.get({ desk: desk.slug, ticketId: elsewhere.id })).sla.clocks[0]!;
    expect(late).toMatchObject({ remainingMinutes: -5, warning: false, breached: true });
  });

  it("stops the first response at the first public reply (not a note), pauses while pending and resumes pushed by the pause", async () => {
    const desk = await readyDesk(database.db, "sla-reply", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk));
    const ticket = await fileTicket(desk);
    const created = await row(desk, ticket.id);

    advance(10);
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, body: "Internal: checking", kind: "note", expectedVersion: 1 });
    expect((await row(desk, ticket.id)).slaFirstResponseDueAt).toEqual(created.slaFirstResponseDueAt);

    advance(10);
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, body: "Could you send a screenshot?", kind: "reply", expectedVersion: 2 });
    const replied = await row(desk, ticket.id);
    expect(replied.status).toBe("pending");
    expect(replied.slaFirstResponseDueAt).toBeNull();
    expect(replied.slaPausedAt).toEqual(new Date(now));
    expect(replied.slaDueAt).toBeNull();
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).sla.paused).toBe(true);

    // The customer answers 90 minutes later: the resolution deadline moves by those 90 minutes,
    // and the desk now owes a next response.
    advance(90);
    await withTenant(database.db, desk.tenantId, async (tx) => {
      const [current] = await tx.select().from(tickets).where(eq(tickets.id, ticket.id));
      await appendCustomerMessage(tx, current!, { customerId: current!.customerId, body: "Here it is", channel: "widget" });
    });
    const resumed = await row(desk, ticket.id);
    expect(resumed.status).toBe("open");
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.slaPausedMinutes).toBe(90);
    expect(minutesAfter(resumed.slaResolutionDueAt, created.slaResolutionDueAt)).toBe(90);
    expect(minutesAfter(resumed.slaNextResponseDueAt, new Date(now))).toBe(120);
    expect(resumed.slaDueAt).toEqual(resumed.slaNextResponseDueAt);

    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { status: "solved" } });
    expect(await row(desk, ticket.id)).toMatchObject({ slaFirstResponseDueAt: null, slaNextResponseDueAt: null, slaResolutionDueAt: null, slaDueAt: null, slaBreaches: [] });
  });

  it("starts the clocks of a held ticket only when it is released", async () => {
    const desk = await readyDesk(database.db, "sla-held", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk));
    const first = await fileTicket(desk, { email: "blocked@sla.test" });
    await desk.owner.customers.setBlocked({ desk: desk.slug, customerId: first.customerId, blocked: true });
    const held = await fileTicket(desk, { email: "blocked@sla.test" });
    expect(await row(desk, held.id)).toMatchObject({ heldReason: "blocked_customer", slaPolicyId: null, slaDueAt: null });
    advance(30);
    await desk.owner.tickets.release({ desk: desk.slug, ticketId: held.id });
    const released = await row(desk, held.id);
    expect(released.slaStartedAt).toEqual(new Date(now));
    expect(minutesAfter(released.slaFirstResponseDueAt, new Date(now))).toBe(60);
  });

  it("chooses the policy again when the priority changes", async () => {
    const desk = await readyDesk(database.db, "sla-priority", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk));
    const urgent = await desk.owner.sla.savePolicy(policy(desk, { priority: "urgent", firstResponseMinutes: 15, resolutionMinutes: 120 }));
    const ticket = await fileTicket(desk);
    advance(5);
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { priority: "urgent" } });
    const after = await row(desk, ticket.id);
    expect(after.slaPolicyId).toBe(urgent.id);
    expect(minutesAfter(after.slaFirstResponseDueAt, after.slaStartedAt)).toBe(15);
    expect(minutesAfter(after.slaResolutionDueAt, after.slaStartedAt)).toBe(120);

    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { priority: "low" } });
    expect(await row(desk, ticket.id)).toMatchObject({ slaPolicyId: null, slaDueAt: null });
  });

  it("lists the inbox by the nearest deadline, page by page, tickets without one last", async () => {
    const desk = await readyDesk(database.db, "sla-inbox", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk));
    await desk.owner.sla.savePolicy(policy(desk, { priority: "urgent", firstResponseMinutes: 15 }));
    const normal = await fileTicket(desk, { subject: "Normal" });
    advance(1);
    const none = await fileTicket(desk, { subject: "No deadline", priority: "low" });
    const urgent = await fileTicket(desk, { subject: "Urgent", priority: "urgent" });
    const later = await fileTicket(desk, { subject: "Normal, later" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof desk.owner.tickets.inbox>> = await desk.owner.tickets.inbox({ desk: desk.slug, sort: "dueSoonest", limit: 1, cursor });
      seen.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([urgent.id, normal.id, later.id, none.id]);
  });

  it("marks a breach once, escalates, logs and mails it, even when the job runs twice and at once", async () => {
    const desk = await readyDesk(database.db, "sla-breach", ["Support", "Engineering"]);
    const { member: agent } = await inviteAndJoin(database.db, desk, { email: "agent@sla-breach.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    const lead = (await desk.owner.staff.list({ desk: desk.slug })).find((m) => m.role === "owner")!;
    await desk.owner.departments.update({ desk: desk.slug, id: desk.departmentIds.Engineering!, name: "Engineering", responsibleMembershipId: lead.membershipId });
    await desk.owner.sla.savePolicy(
      policy(desk, { firstResponseMinutes: 10, escalatePriority: "raise", escalateDepartmentId: desk.departmentIds.Engineering! }),
    );
    await desk.owner.sla.savePolicy(policy(desk, { priority: "high", firstResponseMinutes: 5, resolutionMinutes: 240 }));
    const ticket = await fileTicket(desk);
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { assigneeMembershipId: agent.membershipId } });

    advance(9);
    expect(await runSla(database.db)).toEqual({ desks: 0, breaches: 0 });
    advance(2);
    const runs = await Promise.all([runSla(database.db), runSla(database.db)]);
    expect(runs.reduce((sum, r) => sum + r.breaches, 0)).toBe(1);
    expect((await runSla(database.db)).breaches).toBe(0);

    const after = await row(desk, ticket.id);
    expect(after.slaBreaches).toEqual(["first_response"]);
    expect(after.priority).toBe(2);
    expect(after.departmentId).toBe(desk.departmentIds.Engineering);
    expect(after.assigneeMembershipId).toBeNull();
    // Counted again under the high-priority policy from the ticket's start: already overdue, but a
    // kind is breached (and escalated) only once.
    expect(minutesAfter(after.slaFirstResponseDueAt, after.slaStartedAt)).toBe(5);
    expect(after.slaNextBreachAt).toEqual(after.slaResolutionDueAt);

    const [timeline, events, mails] = await withTenant(database.db, desk.tenantId, (tx) =>
      Promise.all([
        tx.select().from(ticketEvents).where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.type, "sla_breach"))),
        tx.select().from(auditEvents).where(eq(auditEvents.action, "sla.breached")),
        tx.select().from(outbox).where(eq(outbox.kind, "staff.slaBreach")),
      ]),
    );
    expect(timeline.map((e) => e.data.kind)).toEqual(["first_response"]);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBeNull();
    expect(events[0]!.summary).toMatchObject({ kind: "first_response", priority: { from: "normal", to: "high" }, department: { to: desk.departmentIds.Engineering } });
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["agent@sla-breach.test", lead.email].sort());
    expect(mails[0]!.subject).toContain("SLA missed (first response)");

    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.sla.clocks.find((c) => c.kind === "first_response")).toMatchObject({ breached: true });
  });

  it("pauses the clocks of a ticket in the trash, and resumes them on restore pushed by the time spent there", async () => {
    const desk = await readyDesk(database.db, "sla-trash", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk));
    const ticket = await fileTicket(desk);
    const created = await row(desk, ticket.id);

    advance(30);
    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: ticket.id, trashed: true });
    const trashed = await row(desk, ticket.id);
    expect(trashed.slaPausedAt).toEqual(new Date(now));
    expect(trashed).toMatchObject({ slaDueAt: null, slaNextBreachAt: null, slaFirstResponseDueAt: created.slaFirstResponseDueAt });
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).sla.paused).toBe(true);

    // Well past the first-response deadline (60 minutes): nothing for the job to find or claim.
    // (Other tests' desks share this database, so the job's totals are not this desk's.)
    advance(120);
    await runSla(database.db);
    expect(await breachDesk(unsafeDeskScope(database.db, desk.tenantId, "test"))).toBe(0);
    expect(await row(desk, ticket.id)).toMatchObject({ slaBreaches: [], slaNextBreachAt: null });

    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: ticket.id, trashed: false });
    const restored = await row(desk, ticket.id);
    expect(restored.slaPausedAt).toBeNull();
    expect(restored.slaPausedMinutes).toBe(120);
    expect(minutesAfter(restored.slaFirstResponseDueAt, created.slaFirstResponseDueAt)).toBe(120);
    expect(minutesAfter(restored.slaResolutionDueAt, created.slaResolutionDueAt)).toBe(120);
    expect(restored.slaNextBreachAt).toEqual(restored.slaFirstResponseDueAt);
    expect(restored.slaDueAt).toEqual(restored.slaFirstResponseDueAt);
    expect(minutesAfter(restored.slaFirstResponseDueAt, new Date(now))).toBe(30);

    // The 30 minutes left before the trash are all it has: not breached at 29, breached at 31.
    advance(29);
    await runSla(database.db);
    expect((await row(desk, ticket.id)).slaBreaches).toEqual([]);
    advance(2);
    await runSla(database.db);
    expect((await row(desk, ticket.id)).slaBreaches).toEqual(["first_response"]);

    // A pending ticket is already paused: the trash and back keep that pause as it was.
    const waiting = await fileTicket(desk, { subject: "Waiting" });
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: waiting.id, changes: { status: "pending" } });
    const pausedAt = new Date(now);
    advance(10);
    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: waiting.id, trashed: true });
    advance(10);
    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: waiting.id, trashed: false });
    expect(await row(desk, waiting.id)).toMatchObject({ slaPausedAt: pausedAt, slaPausedMinutes: 0, slaNextBreachAt: null });
  });

  it("works a backlog off in batches, marking every breach exactly once, even with two runs at once", async () => {
    const desk = await readyDesk(database.db, "sla-batches", ["Support"]);
    await desk.owner.sla.savePolicy(policy(desk, { firstResponseMinutes: 10 }));
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await fileTicket(desk, { subject: `Backlog ${i}` })).id);

    advance(11);
    // Batches of 2: seven breaches need several transactions per run, whichever run claims them.
    // (The desk alone: other tests' desks share this database.)
    const runs = await Promise.all([breachDesk(unsafeDeskScope(database.db, desk.tenantId, "test"), new Date(now), 2), breachDesk(unsafeDeskScope(database.db, desk.tenantId, "test"), new Date(now), 2)]);
    expect(runs[0]! + runs[1]!).toBe(7);
    expect(await breachDesk(unsafeDeskScope(database.db, desk.tenantId, "test"), new Date(now), 2)).toBe(0);
    // Nor does the whole job, run again afterwards, mark any of them a second time (checked below).
    await runSla(database.db, new Date(now), 2);

    const [rows, timeline, events] = await withTenant(database.db, desk.tenantId, (tx) =>
      Promise.all([
        tx.select().from(tickets),
        tx.select().from(ticketEvents).where(eq(ticketEvents.type, "sla_breach")),
        tx.select().from(auditEvents).where(eq(auditEvents.action, "sla.breached")),
      ]),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.slaBreaches.join() === "first_response")).toBe(true);
    expect(timeline.map((e) => e.ticketId).sort()).toEqual([...ids].sort());
    expect(events.map((e) => e.objectId).sort()).toEqual([...ids].sort());
  });

  it("keeps SLA settings to the desk's owners and admins, and refuses bad input without saving", async () => {
    const desk = await readyDesk(database.db, "sla-access", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@sla-access.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    const other = await readyDesk(database.db, "sla-access-other", ["Support"]);

    expect((await refusal(agent.sla.policies({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.sla.savePolicy(policy(desk)))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.sla.hours({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await refusal(other.owner.sla.policies({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.sla.savePolicy(policy(desk)))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.sla.saveHours({ desk: desk.slug, week: [{ day: 1, start: 0, end: 60 }], holidays: [] }))).code).toBe("NOT_FOUND");

    const none = await refusal(desk.owner.sla.savePolicy(policy(desk, { firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null })));
    expect(none.message).toBe("sla.targetRequired");
    const zero = await refusal(desk.owner.sla.savePolicy(policy(desk, { firstResponseMinutes: 0 })));
    expect(zero.code).toBe("BAD_REQUEST");
    const foreign = await refusal(desk.owner.sla.savePolicy(policy(desk, { departmentId: other.departmentIds.Support! })));
    expect(foreign.message).toBe("department.notFound");
    const badHours = await refusal(desk.owner.sla.saveHours({ desk: desk.slug, week: [{ day: 7, start: 0, end: 60 }], holidays: ["2026-02-30"] }));
    expect(badHours.code).toBe("BAD_REQUEST");
    expect(await desk.owner.sla.policies({ desk: desk.slug })).toEqual([]);
    expect((await desk.owner.sla.hours({ desk: desk.slug })).custom).toBe(false);

    await desk.owner.sla.savePolicy(policy(desk));
    expect((await refusal(desk.owner.sla.savePolicy(policy(desk)))).message).toBe("sla.policyExists");
    const hours = await desk.owner.sla.saveHours({ desk: desk.slug, week: [{ day: 5, start: 22 * 60, end: 2 * 60 }], holidays: ["2026-12-31"] });
    expect(hours).toMatchObject({ custom: true, week: [{ day: 5, start: 1320, end: 120 }], holidays: ["2026-12-31"] });
  });
});
