import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { auditEvents } from "../kernel/schema";
import { ticketEvents, tickets } from "../tickets/schema";
import { widgetSubmission } from "../widget/inputs";
import { submitFromWidget } from "../widget/submit";
import { runPriorityJob } from "../tickets/auto-priority";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;

const hours = (n: number) => new Date(Date.now() + n * 3600_000);

/** A desk whose widget takes tickets for Support. */
async function widgetDesk(slug: string) {
  const desk = await readyDesk(database.db, slug, ["Support", "Sales"]);
  const settings = await desk.owner.widget.settings({ desk: desk.slug });
  await desk.owner.widget.update({
    desk: desk.slug,
    color: "#0f766e",
    position: "left",
    greeting: "Hi!",
    departmentIds: [desk.departmentIds.Support!],
    allowedOrigins: ["https://shop.example.com"],
    widgetFields: settings.widgetFields,
  });
  return { ...desk, key: settings.publicKey };
}

const fromWidget = (key: string, email: string, message = "My order has not arrived.", subject = "Where is my order?") =>
  submitFromWidget(database.db, key, widgetSubmission.parse({ email, subject, message }), [], { ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

/** Files a panel ticket leaving the priority to the rules ("Automatic"). */
const fileAutomatic = (desk: Desk, fields: { subject?: string; body?: string; email?: string; department?: string } = {}) =>
  desk.owner.tickets.create({
    desk: desk.slug,
    subject: fields.subject ?? "A question",
    body: fields.body ?? "How do I change my address?",
    customerEmail: fields.email ?? "casey@example.com",
    departmentId: desk.departmentIds[fields.department ?? "Support"]!,
    assigneeMembershipId: null,
    tags: [],
  });

async function stored(desk: Desk, ticketId: string) {
  return withTenant(database.db, desk.tenantId, async (tx) => {
    const [row] = await tx
      .select({ priority: tickets.priority, manual: tickets.priorityManual, score: tickets.priorityScore, reasons: tickets.priorityReasons })
      .from(tickets)
      .where(eq(tickets.id, ticketId));
    const events = await tx
      .select({ type: ticketEvents.type, data: ticketEvents.data })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId)))
      .orderBy(asc(ticketEvents.id));
    return { ...row!, priority: ["low", "normal", "high", "urgent"][row!.priority], events: events.filter((e) => e.type.startsWith("priority")) };
  });
}

describe("automatic priority", () => {
  it("files a VIP customer's widget ticket as high, with the rule that fired", async () => {
    const desk = await widgetDesk("prio-vip");
    await desk.owner.priority.createRule({ desk: desk.slug, name: "VIP customer", weight: 20, enabled: true, condition: { kind: "vip" } });
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Mail", weight: 50, enabled: true, condition: { kind: "channel", channels: ["mail"] } });
    const first = await fileAutomatic(desk, { email: "vera@example.com" });
    const { customer } = await desk.owner.tickets.get({ desk: desk.slug, ticketId: first.id });
    const other = await readyDesk(database.db, "prio-vip-other", ["Support"]);
    expect((await refusal(other.owner.customers.setVip({ desk: desk.slug, customerId: customer.id, vip: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.customers.setVip({ desk: other.slug, customerId: customer.id, vip: true }))).code).toBe("NOT_FOUND");
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@prio-vip.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    expect((await refusal(agent.customers.setVip({ desk: desk.slug, customerId: customer.id, vip: true }))).code).toBe("FORBIDDEN");
    expect(await desk.owner.customers.setVip({ desk: desk.slug, customerId: customer.id, vip: true })).toMatchObject({ vip: true });

    const { number } = await fromWidget(desk.key, "vera@example.com");
    const inbox = await desk.owner.tickets.inbox({ desk: desk.slug });
    const ticket = inbox.tickets.find((t) => t.number === number)!;
    expect(ticket.priority).toBe("high");
    const seen = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(seen.ticket).toMatchObject({ priority: "high", priorityManual: false, priorityScore: 20, priorityReasons: [{ name: "VIP customer", weight: 20, ruleId: expect.any(String) }] });

    const ordinary = await fromWidget(desk.key, "someone@example.com");
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets.find((t) => t.number === ordinary.number)!.priority).toBe("normal");
  });

  it("scores words and departments (sub-departments included) at creation, and a level chosen by hand wins", async () => {
    const desk = await readyDesk(database.db, "prio-words", ["Support", "Sales"]);
    const billing = await desk.owner.departments.create({ desk: desk.slug, name: "Billing", parentId: desk.departmentIds.Support! });
    desk.departmentIds.Billing = billing.id;
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Outage", weight: 40, enabled: true, condition: { kind: "words", words: ["outage", "не работает"] } });
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Support queue", weight: -15, enabled: true, condition: { kind: "department", departmentId: desk.departmentIds.Support! } });

    const outage = await fileAutomatic(desk, { subject: "Total OUTAGE", department: "Sales" });
    expect(await stored(desk, outage.id)).toMatchObject({ priority: "urgent", manual: false, score: 40 });
    const russian = await fileAutomatic(desk, { subject: "Помогите", body: "Сайт не работает с утра", department: "Billing" });
    expect(await stored(desk, russian.id)).toMatchObject({ priority: "high", score: 25, reasons: [expect.objectContaining({ name: "Outage" }), expect.objectContaining({ name: "Support queue", weight: -15 })] });
    const quiet = await fileAutomatic(desk, { department: "Billing" });
    expect(await stored(desk, quiet.id)).toMatchObject({ priority: "low", score: -15 });

    const chosen = await desk.owner.tickets.create({ desk: desk.slug, subject: "Outage", body: "x", customerEmail: "a@example.com", departmentId: desk.departmentIds.Sales!, priority: "low", assigneeMembershipId: null, tags: [] });
    expect(await stored(desk, chosen.id)).toMatchObject({ priority: "low", manual: true, score: null, reasons: null });

    // Tried on recent tickets before saving: what it would change, and nothing is stored.
    const trial = await desk.owner.priority.tryRule({ desk: desk.slug, name: "Help", weight: 50, enabled: true, condition: { kind: "words", words: ["помогите"] }, replacing: null });
    expect(trial).toMatchObject({ checked: 4, fired: 1, changed: 1, examples: [{ number: russian.number, from: "high", to: "urgent", score: 75, manual: false }] });
    expect((await desk.owner.priority.rules({ desk: desk.slug })).rules).toHaveLength(2);
  });

  it("raises a ticket that has waited past a waiting-time rule once, however often the job runs, and not an answered one", async () => {
    const desk = await readyDesk(database.db, "prio-waiting", ["Support"]);
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Waiting 4 hours", weight: 30, enabled: true, condition: { kind: "waiting", hours: 4 } });
    const waiting = await fileAutomatic(desk, { subject: "Still waiting" });
    const answered = await fileAutomatic(desk, { subject: "Answered" });
    const seen = await desk.owner.tickets.get({ desk: desk.slug, ticketId: answered.id });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: answered.id, body: "Here you go", kind: "reply", expectedVersion: seen.ticket.version });

    expect(await runPriorityJob(database.db, hours(3))).toMatchObject({ changed: 0 });
    expect(await stored(desk, waiting.id)).toMatchObject({ priority: "normal", score: 0 });

    const [first, second] = await Promise.all([runPriorityJob(database.db, hours(5)), runPriorityJob(database.db, hours(5))]);
    expect(first!.changed + second!.changed).toBe(1);
    expect(await runPriorityJob(database.db, hours(5))).toMatchObject({ changed: 0 });

    const raised = await stored(desk, waiting.id);
    expect(raised).toMatchObject({ priority: "urgent", score: 30, manual: false });
    expect(raised.events).toEqual([{ type: "priority", data: { from: "normal", to: "urgent", source: "auto", score: 30, reasons: [expect.objectContaining({ name: "Waiting 4 hours", weight: 30 })] } }]);
    expect(await stored(desk, answered.id)).toMatchObject({ priority: "normal", events: [] });
  });

  it("keeps a priority set by hand until it is returned to automatic, which re-scores at once", async () => {
    const desk = await readyDesk(database.db, "prio-manual", ["Support"]);
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Complaint", weight: 12, enabled: true, condition: { kind: "words", words: ["complaint"] } });
    await desk.owner.priority.createRule({ desk: desk.slug, name: "Waiting a day", weight: 30, enabled: true, condition: { kind: "waiting", hours: 24 } });
    const ticket = await fileAutomatic(desk, { subject: "A complaint" });
    const other = await fileAutomatic(desk, { subject: "Another complaint" });
    expect(await stored(desk, ticket.id)).toMatchObject({ priority: "high", score: 12 });

    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { priority: "low" } });
    await desk.owner.tickets.bulk({ desk: desk.slug, ticketIds: [other.id], action: { type: "update", changes: { priority: "normal" } } });
    expect(await stored(desk, other.id)).toMatchObject({ priority: "normal", manual: true });
    expect(await runPriorityJob(database.db, hours(30))).toMatchObject({ changed: 0 });
    expect(await stored(desk, ticket.id)).toMatchObject({ priority: "low", manual: true });

    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@prio-manual.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    expect(await agent.tickets.returnToAutomatic({ desk: desk.slug, ticketId: ticket.id })).toEqual({ priority: "high", changed: true });
    const back = await stored(desk, ticket.id);
    expect(back).toMatchObject({ priority: "high", manual: false, score: 12 });
    expect(back.events.map((e) => [e.type, e.data.source ?? null, e.data.to])).toEqual([
      ["priority", "manual", "low"],
      ["priority", "auto", "high"],
      ["priority_automatic", null, "high"],
    ]);
    const logged = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectId, ticket.id)));
    expect(logged.map((e) => e.action)).toEqual(expect.arrayContaining(["ticket.updated", "ticket.priorityAutomatic"]));

    expect(await runPriorityJob(database.db, hours(30))).toMatchObject({ changed: 1 });
    expect(await stored(desk, ticket.id)).toMatchObject({ priority: "urgent", score: 42 });
    expect(await stored(desk, other.id)).toMatchObject({ priority: "normal", manual: true });
  });

  it("lets only the desk's owners and admins see and change the rules, and only its staff who may reply return a ticket to automatic", async () => {
    const desk = await readyDesk(database.db, "prio-access", ["Support"]);
    const rule = await desk.owner.priority.createRule({ desk: desk.slug, name: "VIP", weight: 20, enabled: true, condition: { kind: "vip" } });
    const ticket = await desk.owner.tickets.create({ desk: desk.slug, subject: "Hi", body: "x", customerEmail: "c@example.com", departmentId: desk.departmentIds.Support!, priority: "urgent", assigneeMembershipId: null, tags: [] });

    const other = await readyDesk(database.db, "prio-access-other", ["Support"]);
    expect((await refusal(other.owner.priority.rules({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.priority.updateRule({ desk: desk.slug, id: rule.id, name: "Mine", weight: 1, enabled: true, condition: { kind: "vip" } }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.priority.removeRule({ desk: other.slug, id: rule.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.tickets.returnToAutomatic({ desk: other.slug, ticketId: ticket.id }))).code).toBe("NOT_FOUND");
    expect((await other.owner.priority.rules({ desk: other.slug })).rules).toEqual([]);

    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@prio-access.test", grants: { [desk.departmentIds.Support!]: "view" } });
    expect((await refusal(agent.priority.rules({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.priority.tryRule({ desk: desk.slug, name: "Mine", weight: 1, enabled: true, condition: { kind: "vip" }, replacing: null }))).code).toBe("FORBIDDEN");
    expect((await refusal(other.owner.priority.tryRule({ desk: desk.slug, name: "Mine", weight: 1, enabled: true, condition: { kind: "vip" }, replacing: null }))).code).toBe("NOT_FOUND");
    expect((await refusal(agent.priority.createRule({ desk: desk.slug, name: "Mine", weight: 100, enabled: true, condition: { kind: "vip" } }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.priority.saveThresholds({ desk: desk.slug, lowAtMost: -1, highAtLeast: 1, urgentAtLeast: 2 }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.tickets.returnToAutomatic({ desk: desk.slug, ticketId: ticket.id }))).code).toBe("FORBIDDEN");
    expect(await stored(desk, ticket.id)).toMatchObject({ priority: "urgent", manual: true });
    expect((await desk.owner.priority.rules({ desk: desk.slug })).rules.map((r) => [r.name, r.weight])).toEqual([["VIP", 20]]);
  });

  it("refuses bad rules and thresholds with the field to fix, changing nothing", async () => {
    const desk = await readyDesk(database.db, "prio-input", ["Support"]);
    const other = await readyDesk(database.db, "prio-input-other", ["Support"]);
    const fieldOf = async (call: Promise<unknown>) => {
      const error = await refusal(call);
      expect(error.code).toBe("BAD_REQUEST");
      return error;
    };
    await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: " ", weight: 5, enabled: true, condition: { kind: "vip" } }));
    await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: "Huge", weight: 101, enabled: true, condition: { kind: "vip" } }));
    await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: "No words", weight: 5, enabled: true, condition: { kind: "words", words: [] } }));
    await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: "Bad domain", weight: 5, enabled: true, condition: { kind: "domain", domains: ["not a domain"] } }));
    await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: "Forever", weight: 5, enabled: true, condition: { kind: "waiting", hours: 10_000 } }));
    const foreign = await fieldOf(desk.owner.priority.createRule({ desk: desk.slug, name: "Theirs", weight: 5, enabled: true, condition: { kind: "department", departmentId: other.departmentIds.Support! } }));
    expect(foreign.message).toBe("department.notFound");
    const unordered = await fieldOf(desk.owner.priority.saveThresholds({ desk: desk.slug, lowAtMost: 5, highAtLeast: 5, urgentAtLeast: 30 }));
    expect(unordered.message).toContain("priorityThresholds.highAboveLow");

    const listed = await desk.owner.priority.rules({ desk: desk.slug });
    expect(listed).toEqual({ rules: [], thresholds: { lowAtMost: -10, highAtLeast: 10, urgentAtLeast: 30 } });
    await desk.owner.priority.saveThresholds({ desk: desk.slug, lowAtMost: -5, highAtLeast: 5, urgentAtLeast: 15 });
    expect((await desk.owner.priority.rules({ desk: desk.slug })).thresholds).toEqual({ lowAtMost: -5, highAtLeast: 5, urgentAtLeast: 15 });
  });
});
