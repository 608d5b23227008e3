import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "@/server/db/columns";
import { rowsOf } from "@/server/db/rows";
import { unsafeFindDeskAccess } from "@/server/tenancy/member";
import { tickets } from "@/server/tickets/schema";
import { exportTable, type CsvWords } from "./export";
import { callerAs } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { outbox } from "@/server/outbox/schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
const range = { from: "2026-03-01", to: "2026-03-04" };
const hour = 3600;

/** Moves a ticket's timings to known instants (the services stamp "now"). */
async function retime(ticketId: string, at: { created: string; response?: string; solved?: string; sla?: string[] }) {
  await database.db.execute(sql`
    update tickets set created_at = ${at.created}::timestamptz,
      first_response_at = ${at.response ?? null}::timestamptz, solved_at = ${at.solved ?? null}::timestamptz
    where id = ${ticketId}::uuid`);
  // An SLA policy applied, with the targets it breached (the SLA engine's columns).
  if (at.sla) {
    await database.db.execute(sql`update tickets set sla_policy_id = ${newId()}::uuid, sla_breaches = ${`{${at.sla.join(",")}}`}::text[] where id = ${ticketId}::uuid`);
  }
  if (at.response) {
    await database.db.execute(sql`update ticket_messages set created_at = ${at.response}::timestamptz where ticket_id = ${ticketId}::uuid and kind = 'reply'`);
  }
}

/**
 * A desk in Moscow (UTC+3, no daylight saving) on Pro (statistics included), departments Support
 * (with Refunds below it) and Sales, agents Ann (Support) and Ben (Sales), and five tickets at known
 * times — see the figures asserted below for the arithmetic.
 */
async function buildFixture() {
  const desk = await readyDesk(database.db, "reports-fixture", ["Support", "Sales"]);
  await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
  await desk.owner.desk.updateProfile({ desk: desk.slug, displayName: "Reports", locale: "en", timeZone: "Europe/Moscow" });
  const refunds = await desk.owner.departments.create({ desk: desk.slug, name: "Refunds", parentId: desk.departmentIds.Support!, description: "", isPublic: true, responsibleMembershipId: null });
  const support = desk.departmentIds.Support!;
  const sales = desk.departmentIds.Sales!;
  const ann = await inviteAndJoin(database.db, desk, { email: "ann@reports.test", grants: { [support]: "manage" } });
  const ben = await inviteAndJoin(database.db, desk, { email: "ben@reports.test", grants: { [sales]: "manage" } });

  const open = async (departmentId: string, agent: typeof ann, email: string) => {
    const ticket = await desk.owner.tickets.create({
      desk: desk.slug,
      subject: "Where is my order?",
      body: "It has not arrived.",
      customerEmail: email,
      customerName: "Casey",
      departmentId,
      priority: "normal",
      assigneeMembershipId: agent.member.membershipId,
      tags: [],
    });
    return { ...ticket, agent };
  };
  const answer = async (ticket: Awaited<ReturnType<typeof open>>) => {
    const reply = await ticket.agent.caller.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "On its way.", expectedVersion: ticket.version });
    return reply.message.id;
  };
  const solve = (ticket: Awaited<ReturnType<typeof open>>) => ticket.agent.caller.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { status: "solved" } });

  // T1 Support/Ann: Sun 23:30 UTC = Mon 02:30 in Moscow; answered after 1 h, solved after 5 h.
  const t1 = await open(support, ann, "one@example.com");
  const r1 = await answer(t1);
  await solve(t1);
  await retime(t1.id, { created: "2026-03-01T23:30:00Z", response: "2026-03-02T00:30:00Z", solved: "2026-03-02T04:30:00Z", sla: [] });
  // T2 Refunds/Ann: Tue 12:00 Moscow; answered after 3 h, solved after 24 h.
  const t2 = await open(refunds.id, ann, "two@example.com");
  const r2 = await answer(t2);
  await solve(t2);
  await retime(t2.id, { created: "2026-03-03T09:00:00Z", response: "2026-03-03T12:00:00Z", solved: "2026-03-04T09:00:00Z" });
  // T3 Sales/Ben: Tue 13:00 Moscow; answered after 2 h (breaching its SLA); still open. T1 met its SLA.
  const t3 = await open(sales, ben, "three@example.com");
  const r3 = await answer(t3);
  await retime(t3.id, { created: "2026-03-03T10:00:00Z", response: "2026-03-03T12:00:00Z", sla: ["first_response"] });
  // T4 Sales/Ben: Sat 22:00 UTC = Sun 01:00 on 1 March in Moscow (inside the range); unanswered.
  const t4 = await open(sales, ben, "four@example.com");
  await retime(t4.id, { created: "2026-02-28T22:00:00Z" });
  // T5 Support/Ann: created before the range (backlog at its start), solved Mon 13:00 Moscow.
  const t5 = await open(support, ann, "five@example.com");
  await solve(t5);
  await retime(t5.id, { created: "2026-02-27T10:00:00Z", solved: "2026-03-02T10:00:00Z" });
  // A ticket in the trash counts nowhere.
  const trashed = await open(support, ann, "six@example.com");
  await desk.owner.tickets.trash({ desk: desk.slug, ticketId: trashed.id, trashed: true });
  await retime(trashed.id, { created: "2026-03-02T10:00:00Z" });

  // Ratings through the customer's links: T1 5 (Ann, Support), T2 3 (Ann, Refunds), T3 4 (Ben, Sales).
  const mails = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.kind, "ticket.reply")));
  const visitor = await callerAs(database.db);
  for (const [messageId, quality] of [[r1, 5], [r2, 3], [r3, 4]] as const) {
    const mail = mails.find((m) => m.text.includes(`rate=${messageId}`))!;
    const token = /\/t\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    await visitor.portal.rate({ token, messageId, quality, speed: 5, comment: "" });
  }
  await database.db.execute(sql`update ratings set created_at = '2026-03-03T12:00:00Z' where tenant_id = ${desk.tenantId}::uuid`);
  return { desk, ann, ben, support, sales, refunds: refunds.id };
}

let fixture: ReturnType<typeof buildFixture> | null = null;
const theFixture = () => (fixture ??= buildFixture());

describe("report timings on the ticket", () => {
  it("keeps the first public reply's time and the solve time until the ticket opens again", async () => {
    const desk = await readyDesk(database.db, "reports-timings", ["Support"]);
    const ticket = await fileTicket(desk);
    const read = async () => (await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(tickets).where(eq(tickets.id, ticket.id))))[0]!;
    const note = await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "note", body: "looking", expectedVersion: ticket.version });
    expect((await read()).firstResponseAt).toBeNull();
    const reply = await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Fixed", expectedVersion: note.version });
    const first = (await read()).firstResponseAt;
    expect(first).toBeInstanceOf(Date);
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Anything else?", expectedVersion: reply.version, setStatus: "solved" });
    const solved = await read();
    expect(solved.firstResponseAt).toEqual(first);
    expect(solved.solvedAt).toBeInstanceOf(Date);
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { status: "closed" } });
    expect((await read()).solvedAt).toEqual(solved.solvedAt);
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { status: "open" } });
    expect((await read()).solvedAt).toBeNull();
    await desk.owner.tickets.bulk({ desk: desk.slug, ticketIds: [ticket.id], action: { type: "update", changes: { status: "solved" } } });
    expect((await read()).solvedAt).toBeInstanceOf(Date);
  });
});

describe("reports", () => {
  it("bucket tickets by the desk's time zone: 23:30 UTC on Sunday is Monday 02:30 in Moscow", async () => {
    const { desk } = await theFixture();
    const rhythms = await desk.owner.reports.rhythms({ desk: desk.slug, filter: range });
    expect(rhythms.byMonth).toEqual([{ key: "2026-03", created: 4, solved: 3 }]);
    const weekdays = Object.fromEntries(rhythms.byWeekday.map((d) => [d.key, [d.created, d.solved]]));
    expect(weekdays).toEqual({ 1: [1, 2], 2: [2, 0], 3: [0, 1], 4: [0, 0], 5: [0, 0], 6: [0, 0], 7: [1, 0] });
    const busyHours = rhythms.byHour.filter((h) => h.created || h.solved).map((h) => [h.key, h.created, h.solved]);
    expect(busyHours).toEqual([[1, 1, 0], [2, 1, 0], [7, 0, 1], [12, 1, 1], [13, 1, 1]]);
    expect(rhythms.byHour).toHaveLength(24);
  });

  it("equal the hand-computed figures of the fixture desk", async () => {
    const { desk, ann, ben, support, sales, refunds } = await theFixture();
    const input = { desk: desk.slug, filter: range };
    expect((await desk.owner.reports.backlog(input)).map((d) => [d.day, d.created, d.solved, d.open])).toEqual([
      ["2026-03-01", 1, 0, 2],
      ["2026-03-02", 1, 2, 1],
      ["2026-03-03", 2, 0, 3],
      ["2026-03-04", 0, 1, 2],
    ]);
    expect(await desk.owner.reports.channels(input)).toEqual([{ channel: "panel", count: 4, share: 1 }]);

    const times = await desk.owner.reports.times(input);
    expect(times.total).toEqual({
      tickets: 4,
      responded: 3,
      firstResponseMedian: 2 * hour,
      firstResponseP90: 10_080,
      solved: 2,
      resolutionMedian: 52_200,
      resolutionP90: 79_560,
      slaTickets: 2,
      slaMet: 1,
      slaCompliance: 0.5,
    });
    const byDepartment = Object.fromEntries(times.byDepartment.map((d) => [d.departmentId, [d.name, d.tickets, d.firstResponseMedian, d.resolutionMedian, d.slaCompliance]]));
    expect(byDepartment).toEqual({ [support]: ["Support", 1, hour, 5 * hour, 1], [refunds]: ["Refunds", 1, 3 * hour, 24 * hour, null], [sales]: ["Sales", 2, 2 * hour, null, 0] });
    const byAgent = Object.fromEntries(times.byAgent.map((a) => [a.name, [a.tickets, a.firstResponseMedian, a.firstResponseP90, a.resolutionMedian]]));
    expect(byAgent).toEqual({ ann: [2, 2 * hour, 10_080, 52_200], ben: [2, 2 * hour, 2 * hour, null] });

    const csat = (await desk.owner.reports.satisfaction(input))!;
    expect(csat).toMatchObject({ target: 0.975, total: { ratings: 3, satisfied: 2 } });
    expect(csat.total.csat).toBeCloseTo(2 / 3);
    expect(Object.fromEntries(csat.byAgent.map((a) => [a.name, [a.ratings, a.satisfied, a.csat]]))).toEqual({ ann: [2, 1, 0.5], ben: [1, 1, 1] });
    expect(Object.fromEntries(csat.byDepartment.map((d) => [d.name, [d.ratings, d.csat]]))).toEqual({ Support: [1, 1], Refunds: [1, 0], Sales: [1, 1] });

    const staff = Object.fromEntries((await desk.owner.reports.staff(input)).map((s) => [s.name, [s.ticketsHandled, s.replies, s.firstResponseMedian, s.ratings, s.csat]]));
    expect(staff).toMatchObject({ ann: [3, 2, 2 * hour, 2, 0.5], ben: [1, 1, 2 * hour, 1, 1] });
    expect(await desk.owner.reports.deflections(input)).toEqual({ total: { views: 0, widgetViews: 0, deflections: 0 }, articles: [] });

    // Support with its sub-department Refunds: T1, T2 and T5 only.
    const supportOnly = { desk: desk.slug, filter: { ...range, departmentId: support } };
    expect((await desk.owner.reports.backlog(supportOnly)).map((d) => d.open)).toEqual([1, 0, 1, 0]);
    expect((await desk.owner.reports.times(supportOnly)).total).toMatchObject({ tickets: 2, firstResponseMedian: 2 * hour, resolutionMedian: 52_200 });
    expect((await desk.owner.reports.satisfaction(supportOnly))?.total).toMatchObject({ ratings: 2, satisfied: 1 });
    void ann;
    void ben;
  });

  it("give an agent their own figures only, never a colleague's, and no ratings at all (not even of their own replies)", async () => {
    const { desk, ann, ben, support } = await theFixture();
    const input = { desk: desk.slug, filter: range };
    const times = await ann.caller.reports.times(input);
    expect(times.total).toMatchObject({ tickets: 2, responded: 2 });
    expect(times.byAgent.map((a) => a.name)).toEqual(["ann"]);
    // Ann's replies were rated 5 and 3 (the owner sees them above); she sees no CSAT, own or desk's.
    expect(await ann.caller.reports.satisfaction(input)).toBeNull();
    expect(await ann.caller.reports.satisfaction({ desk: desk.slug, filter: { ...range, departmentId: support } })).toBeNull();
    expect(await ben.caller.reports.satisfaction(input)).toBeNull();
    const staff = await ann.caller.reports.staff(input);
    expect(staff.map((s) => [s.name, s.ticketsHandled, s.replies, s.ratings, s.csat])).toEqual([["ann", 3, 2, null, null]]);
    expect((await ann.caller.reports.staff({ desk: desk.slug, filter: { ...range, departmentId: support } })).map((s) => [s.ratings, s.csat])).toEqual([[null, null]]);
    expect((await ben.caller.reports.rhythms(input)).byMonth).toEqual([{ key: "2026-03", created: 2, solved: 0 }]);
    expect(await ann.caller.reports.deflections(input)).toBeNull();
    // Management's ratings report and the desk's target stay management's.
    expect((await refusal(ann.caller.ratings.summary({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await refusal(ann.caller.reports.setCsatTarget({ desk: desk.slug, target: 50 }))).code).toBe("FORBIDDEN");
  });

  it("refuse another desk (NOT_FOUND), a desk without the statistics option (FORBIDDEN) and bad input", async () => {
    const { desk } = await theFixture();
    const other = await readyDesk(database.db, "reports-other", ["Support"]);
    const theirs = { desk: desk.slug, filter: range };
    expect((await refusal(other.owner.reports.times(theirs))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.reports.staff(theirs))).code).toBe("NOT_FOUND");

    const withoutOption = await refusal(other.owner.reports.satisfaction({ desk: other.slug, filter: range }));
    expect(withoutOption).toMatchObject({ code: "FORBIDDEN", message: "billing.optionMissing" });
    expect(await refusal(other.owner.ratings.summary({ desk: other.slug }))).toMatchObject({ code: "FORBIDDEN", message: "billing.optionMissing" });
    await other.owner.billing.changePlan({ desk: other.slug, planId: "standard", options: ["statistics"] });
    expect((await other.owner.reports.times({ desk: other.slug, filter: range })).total.tickets).toBe(0);

    expect((await refusal(desk.owner.reports.times({ desk: desk.slug, filter: { from: "2026-03-04", to: "2026-03-01" } }))).code).toBe("BAD_REQUEST");
    expect((await refusal(desk.owner.reports.times({ desk: desk.slug, filter: { from: "2025-01-01", to: "2026-03-01" } }))).code).toBe("BAD_REQUEST");
    expect((await refusal(desk.owner.reports.times({ desk: desk.slug, filter: { ...range, departmentId: other.departmentIds.Support! } }))).code).toBe("BAD_REQUEST");
    expect((await refusal(desk.owner.reports.setCsatTarget({ desk: desk.slug, target: 120 }))).code).toBe("BAD_REQUEST");
    expect((await desk.owner.reports.satisfaction(theirs))?.target).toBe(0.975);
    await desk.owner.reports.setCsatTarget({ desk: desk.slug, target: 95 });
    expect((await desk.owner.reports.satisfaction(theirs))?.target).toBe(0.95);
    const events = rowsOf<{ action: string }>(await database.db.execute(sql`select action from audit_events where tenant_id = ${desk.tenantId}::uuid and action = 'desk.csatTargetChanged'`));
    expect(events).toHaveLength(1);
  });
});

describe("report CSV export", () => {
  const words: CsvWords = {
    all: "Всего",
    unassigned: "Не назначено",
    formerColleague: "Бывший сотрудник",
    column: (key) => key,
    weekday: (day) => ["", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"][day]!,
    channel: (channel) => channel,
  };
  const exportAs = async (slug: string, userId: string, table: Parameters<typeof exportTable>[2], departmentId: string | null = null) => {
    const found = (await unsafeFindDeskAccess(database.db, slug, userId))!;
    const actor = { tenantId: found.tenantId, userId, membershipId: found.membershipId, access: found.access, ip: null };
    return withTenant(database.db, found.tenantId, (tx) => exportTable(tx, actor, table, { ...range, departmentId }, words));
  };

  it("writes the page's figures in hours and per cent, and an agent's export holds only their own work, without ratings", async () => {
    const { desk, ann } = await theFixture();
    const times = await exportAs(desk.slug, desk.userId, "timesByDepartment");
    expect(times.fileName).toBe("timesByDepartment-2026-03-01-2026-03-04.csv");
    const lines = times.csv.slice(1).split("\r\n");
    expect(times.csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe("department,tickets,firstResponseMedianHours,firstResponseP90Hours,solved,resolutionMedianHours,resolutionP90Hours,slaTickets,slaCompliancePercent");
    expect(lines[1]).toBe("Всего,4,2,2.8,2,14.5,22.1,2,50");
    expect(lines).toContain("Sales,2,2,2,0,,,1,0");
    const weekdays = await exportAs(desk.slug, desk.userId, "byWeekday");
    expect(weekdays.csv.split("\r\n").slice(1, 3)).toEqual(["Пн,1,2", "Вт,2,0"]);

    // Management's CSAT tables and staff statistics carry the ratings.
    const desks = await exportAs(desk.slug, desk.userId, "csatByAgent");
    expect(desks.csv.slice(1).trimEnd().split("\r\n")).toEqual(["agent,ratings,satisfied,csatPercent", "ann,2,1,50", "ben,1,1,100"]);
    const staff = await exportAs(desk.slug, desk.userId, "staff");
    expect(staff.csv.slice(1).split("\r\n")[0]).toBe("agent,ticketsHandled,replies,firstResponseMedianHours,ratings,csatPercent,timeActiveHours");

    // An agent gets no ratings table (not even of their own replies) and no ratings in their staff row.
    for (const table of ["csatByAgent", "csatByDepartment"] as const) {
      await expect(exportAs(desk.slug, ann.member.userId, table)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "permission.denied" });
      await expect(exportAs(desk.slug, ann.member.userId, table, desk.departmentIds.Support!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const own = await exportAs(desk.slug, ann.member.userId, "staff");
    const ownLines = own.csv.slice(1).trimEnd().split("\r\n");
    expect(ownLines[0]).toBe("agent,ticketsHandled,replies,firstResponseMedianHours,timeActiveHours");
    expect(ownLines.slice(1).map((line) => line.split(",").slice(0, 4))).toEqual([["ann", "3", "2", "2"]]);
    expect(own.csv).not.toContain("ben");
    expect(own.csv).not.toMatch(/ratings|csat/i);
  });
});
