import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { refusal } from "@/test/expect";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { customers } from "../customers/schema";
import { unsafeArchiveClosedTickets } from "./archive";
import { createTicket } from "./create";
import { tickets } from "./schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();

describe("ticket numbers", () => {
  it("are unique and gap-free under 50 concurrent creations", async () => {
    const desk = await readyDesk(database.db, "numbers-desk", ["Support"]);
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        withTenant(database.db, desk.tenantId, (tx) =>
          createTicket(tx, desk.tenantId, { subject: `Ticket ${i}`, body: "Hello", customer: { email: `c${i}@example.com` }, departmentId: desk.departmentIds.Support!, channel: "api" }, null),
        ),
      ),
    );
    const numbers = created.map((t) => t.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => 1001 + i));
  });
});

describe("the inbox and a ticket's life", () => {
  it("registers the requester, lists the ticket, and records the whole conversation", async () => {
    const desk = await readyDesk(database.db, "life-desk");
    const ticket = await fileTicket(desk, { email: "Irina@Example.com", name: "Irina", tags: ["login"] });
    expect(ticket).toMatchObject({ number: 1001, status: "new", channel: "panel" });
    const inbox = await desk.owner.tickets.inbox({ desk: desk.slug });
    expect(inbox.tickets.map((t) => [t.number, t.customerEmail, t.priority])).toEqual([[1001, "irina@example.com", "normal"]]);
    expect(await desk.owner.tickets.counts({ desk: desk.slug })).toMatchObject({ all: 1, unassigned: 1, mine: 0 });

    const { version } = (await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).ticket;
    await desk.owner.account.updateProfile({ desk: desk.slug, name: "Sam Agent", avatarColor: "teal", locale: "en", signature: "Sam from Support" });
    const sent = await desk.owner.tickets.reply({
      desk: desk.slug,
      ticketId: ticket.id,
      kind: "reply",
      body: "Hi {{customer.name}}, ticket #{{ticket.number}} ({{department.name}}) is on it. — {{agent.name}}",
      expectedVersion: version,
    });
    expect(sent.status).toBe("pending");
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "note", body: "Checked the logs: lockout.", expectedVersion: sent.version });
    const me = (await desk.owner.staff.list({ desk: desk.slug }))[0]!;
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { assigneeMembershipId: me.membershipId, priority: "high" } });
    await desk.owner.tickets.forward({ desk: desk.slug, ticketId: ticket.id, departmentId: desk.departmentIds.Payments!, note: "Billing lockout, yours" });

    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages.map((m) => [m.kind, m.body])).toEqual([
      ["customer", "The login page says my password is wrong."],
      ["reply", "Hi Irina, ticket #1001 (Support) is on it. — Sam Agent\n\nSam from Support"],
      ["note", "Checked the logs: lockout."],
      ["note", "Billing lockout, yours"],
    ]);
    expect(view.events.map((e) => e.type)).toEqual(["created", "status", "priority", "assignee", "department"]);
    expect(view.ticket).toMatchObject({ departmentId: desk.departmentIds.Payments, assigneeMembershipId: null, priority: "high", status: "pending" });
    const mail = await desk.owner.mail.outbox({ desk: desk.slug });
    expect(mail.messages.map((m) => [m.toAddress, m.subject])).toContainEqual(["irina@example.com", "[LIFE-DESK-1001] Cannot log in"]);
    const actions = (await desk.owner.audit.list({ desk: desk.slug })).events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["ticket.created", "ticket.replied", "ticket.noted", "ticket.updated", "ticket.forwarded"]));
  });

  it("refuses unknown macros and a reply written against an older conversation, changing nothing", async () => {
    const desk = await readyDesk(database.db, "guard-desk", ["Support"]);
    const ticket = await fileTicket(desk);
    const unknown = await refusal(desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Dear {{customer.fullname}}", expectedVersion: 1 }));
    expect(unknown.message).toBe("macros.unknown");
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "note", body: "First look", expectedVersion: 1 });
    const stale = await refusal(desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Fixed!", expectedVersion: 1 }));
    expect([stale.code, stale.message]).toEqual(["CONFLICT", "ticket.changedSinceLoaded"]);
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages.map((m) => m.body)).toEqual(["The login page says my password is wrong.", "First look"]);
  });

  it("merges B into A with its messages and timeline, and undoes the merge exactly", async () => {
    const desk = await readyDesk(database.db, "merge-desk", ["Support"]);
    const a = await fileTicket(desk, { subject: "Printer offline", body: "A: printer is offline" });
    const b = await fileTicket(desk, { subject: "Printer still offline", body: "B: still offline" });
    const stranger = await fileTicket(desk, { subject: "Printer offline too", email: "someone-else@example.com" });
    expect((await refusal(desk.owner.tickets.merge({ desk: desk.slug, sourceId: stranger.id, targetId: a.id }))).message).toBe("ticket.mergeOtherRequester");
    await desk.owner.tickets.merge({ desk: desk.slug, sourceId: b.id, targetId: a.id });
    const merged = await desk.owner.tickets.get({ desk: desk.slug, ticketId: a.id });
    expect(merged.messages.map((m) => m.body)).toEqual(["A: printer is offline", "B: still offline"]);
    expect(merged.events.map((e) => e.type)).toContain("merged_from");
    const closed = await desk.owner.tickets.get({ desk: desk.slug, ticketId: b.id });
    expect(closed.ticket).toMatchObject({ status: "closed", mergedIntoTicketId: a.id });
    expect(closed.messages).toEqual([]);

    await desk.owner.tickets.unmerge({ desk: desk.slug, sourceId: b.id, targetId: a.id });
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: a.id })).messages.map((m) => m.body)).toEqual(["A: printer is offline"]);
    const reopened = await desk.owner.tickets.get({ desk: desk.slug, ticketId: b.id });
    expect(reopened.ticket).toMatchObject({ status: "new", mergedIntoTicketId: null });
    expect(reopened.messages.map((m) => m.body)).toEqual(["B: still offline"]);
    expect(reopened.events.map((e) => e.type)).toEqual(["created", "merged_into", "unmerged"]);
  });

  it("splits a message into a ticket of its own", async () => {
    const desk = await readyDesk(database.db, "split-desk", ["Support"]);
    const ticket = await fileTicket(desk);
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "note", body: "Different problem: invoices", expectedVersion: 1 });
    const note = (await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).messages[1]!;
    const split = await desk.owner.tickets.split({ desk: desk.slug, ticketId: ticket.id, messageId: note.id, subject: "Invoices" });
    expect(split.number).toBe(1002);
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: split.id })).messages.map((m) => m.body)).toEqual(["Different problem: invoices"]);
  });

  it("moves tickets to the trash and back; only admins delete for good, only from the trash", async () => {
    const desk = await readyDesk(database.db, "trash-desk", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "manager@trash.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    const ticket = await fileTicket(desk);
    expect((await refusal(desk.owner.tickets.purge({ desk: desk.slug, ticketId: ticket.id }))).message).toBe("ticket.notInTrash");
    await agent.tickets.trash({ desk: desk.slug, ticketId: ticket.id, trashed: true });
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets).toEqual([]);
    expect((await desk.owner.tickets.inbox({ desk: desk.slug, view: "trash" })).tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect((await refusal(agent.tickets.purge({ desk: desk.slug, ticketId: ticket.id }))).code).toBe("FORBIDDEN");
    await agent.tickets.trash({ desk: desk.slug, ticketId: ticket.id, trashed: false });
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.id)).toEqual([ticket.id]);
    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: ticket.id, trashed: true });
    await desk.owner.tickets.purge({ desk: desk.slug, ticketId: ticket.id });
    expect((await refusal(desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id }))).code).toBe("NOT_FOUND");
  });
});

describe("who sees what", () => {
  it("gives an agent nothing of a department without a grant, and another desk nothing at all", async () => {
    const desk = await readyDesk(database.db, "grants-desk", ["Support", "Payments"]);
    const other = await readyDesk(database.db, "stranger-desk", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "support-only@grants.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    const visible = await fileTicket(desk, { subject: "Support question" });
    const hidden = await fileTicket(desk, { subject: "Refund secret", department: "Payments" });

    expect((await agent.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.subject)).toEqual(["Support question"]);
    expect((await agent.tickets.inbox({ desk: desk.slug, departmentId: desk.departmentIds.Payments })).tickets).toEqual([]);
    expect(await agent.tickets.counts({ desk: desk.slug })).toMatchObject({ all: 1 });
    expect((await agent.tickets.search({ desk: desk.slug, query: "refund" })).map((t) => t.subject)).toEqual([]);
    expect(await agent.tickets.search({ desk: desk.slug, query: `#${hidden.number}` })).toEqual([]);
    for (const call of [
      () => agent.tickets.get({ desk: desk.slug, ticketId: hidden.id }),
      () => agent.tickets.reply({ desk: desk.slug, ticketId: hidden.id, kind: "note", body: "peek", expectedVersion: 1 }),
      () => agent.tickets.update({ desk: desk.slug, ticketId: hidden.id, changes: { status: "solved" } }),
      () => agent.tickets.trash({ desk: desk.slug, ticketId: hidden.id, trashed: true }),
      () => other.owner.tickets.get({ desk: other.slug, ticketId: visible.id }),
      () => other.owner.tickets.update({ desk: other.slug, ticketId: visible.id, changes: { status: "solved" } }),
    ]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
    expect((await refusal(agent.tickets.forward({ desk: desk.slug, ticketId: visible.id, departmentId: desk.departmentIds.Payments! }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.tickets.inbox({ desk: desk.slug, view: "held" }))).code).toBe("FORBIDDEN");
    expect((await refusal(other.owner.tickets.inbox({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect((await other.owner.tickets.search({ desk: other.slug, query: "Support question" }))).toEqual([]);
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: hidden.id })).ticket.status).toBe("new");
  });

  it("holds a blocked customer's ticket out of every agent view until released", async () => {
    const desk = await readyDesk(database.db, "held-desk", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@held.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    const first = await fileTicket(desk, { email: "spammer@example.com" });
    const [customer] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(customers).where(eq(customers.email, "spammer@example.com")));
    await desk.owner.customers.setBlocked({ desk: desk.slug, customerId: customer!.id, blocked: true });
    const held = await fileTicket(desk, { email: "spammer@example.com", subject: "Buy now" });
    expect(held.heldReason).toBe("blocked_customer");
    expect((await agent.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.id)).toEqual([first.id]);
    expect((await refusal(agent.tickets.get({ desk: desk.slug, ticketId: held.id }))).code).toBe("NOT_FOUND");
    expect((await agent.tickets.search({ desk: desk.slug, query: "spammer@example.com" })).map((t) => t.id)).toEqual([first.id]);
    expect((await desk.owner.tickets.inbox({ desk: desk.slug, view: "held" })).tickets.map((t) => [t.id, t.heldReason])).toEqual([[held.id, "blocked_customer"]]);
    const stored = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(tickets));
    expect(stored[0]!.n).toBe(2);
    expect((await refusal(agent.tickets.release({ desk: desk.slug, ticketId: held.id }))).code).toBe("FORBIDDEN");
    await desk.owner.tickets.release({ desk: desk.slug, ticketId: held.id });
    expect((await agent.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.id).sort()).toEqual([first.id, held.id].sort());
  });

  it("archives closed tickets after the set days: out of the views, still found by search", async () => {
    const desk = await readyDesk(database.db, "archive-desk", ["Support"]);
    const old = await fileTicket(desk, { subject: "Ancient printer jam" });
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: old.id, changes: { status: "closed" } });
    await database.db.update(tickets).set({ lastActivityAt: sql`now() - interval '40 days'` }).where(eq(tickets.id, old.id));
    expect(await unsafeArchiveClosedTickets(database.db, 30)).toEqual({ archived: 1 });
    expect(await unsafeArchiveClosedTickets(database.db, 30)).toEqual({ archived: 0 });
    expect((await desk.owner.tickets.inbox({ desk: desk.slug, view: "solved" })).tickets).toEqual([]);
    expect((await desk.owner.tickets.search({ desk: desk.slug, query: "printer" })).map((t) => t.id)).toEqual([old.id]);
  });
});

describe("search", () => {
  it("finds English words by stem, numbers and requester emails", async () => {
    const desk = await readyDesk(database.db, "search-en", ["Support"]);
    const ticket = await fileTicket(desk, { subject: "Invoices are missing", body: "I was charged twice for the subscription", email: "payer@example.com" });
    await fileTicket(desk, { subject: "Unrelated", body: "The app crashes on start" });
    for (const query of ["invoice", "charge", "subscriptions", `#${ticket.number}`, String(ticket.number), "payer@example.com"]) {
      expect((await desk.owner.tickets.search({ desk: desk.slug, query })).map((t) => t.id), query).toEqual([ticket.id]);
    }
    expect(await desk.owner.tickets.search({ desk: desk.slug, query: "refrigerator" })).toEqual([]);
  });

  it("finds Russian words in any form on a Russian desk", async () => {
    const desk = await readyDesk(database.db, "search-ru", ["Поддержка"]);
    await desk.owner.desk.updateProfile({ desk: desk.slug, displayName: "Поддержка", locale: "ru", timeZone: "Europe/Moscow" });
    const ticket = await desk.owner.tickets.create({
      desk: desk.slug,
      subject: "Заявка на возврат",
      body: "Прошу вернуть деньги за заказы",
      customerEmail: "ivan@example.ru",
      departmentId: desk.departmentIds["Поддержка"]!,
      priority: "normal",
      assigneeMembershipId: null,
      tags: [],
    });
    for (const query of ["заявки", "возврата", "заказ", "деньгами"]) {
      expect((await desk.owner.tickets.search({ desk: desk.slug, query })).map((t) => t.id), query).toEqual([ticket.id]);
    }
  });
  it("finds the newest matches past the 10,000 rows it reads first, within an agent's departments", async () => {
    // 12,000 subjects a minute apart (UUID v7 ids carry the time): "gasket" in every 400th, so 25
    // fall inside the newest 10,000 and 5 older (the stepwise function's range steps); "flange"
    // once, long ago (its GIN-only step). Every 800th is in Payments, which the agent cannot see.
    const desk = await readyDesk(database.db, "search-steps", ["Support", "Payments"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "payments@steps.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    const seed = await fileTicket(desk, { subject: "Seed" });
    const [{ customerId }] = (await database.db.select({ customerId: tickets.customerId }).from(tickets).where(eq(tickets.id, seed.id))) as [{ customerId: string }];
    await database.db.execute(sql`
      insert into tickets (tenant_id, id, number, subject, customer_id, department_id, channel, search_config)
      select ${desk.tenantId}::uuid,
        (lpad(to_hex((extract(epoch from now()) * 1000)::bigint - (12001 - g) * 60000 - 3600000), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
        2000 + g,
        case when g % 400 = 0 then 'gasket leak ' || g when g = 5 then 'flange broken' else 'filler subject ' || g end,
        ${customerId}::uuid,
        case when g % 800 = 0 then ${desk.departmentIds.Payments!}::uuid else ${desk.departmentIds.Support!}::uuid end,
        'api', 'english'
      from generate_series(1, 12000) g`);
    const numbers = async (caller: typeof agent, query: string) => (await caller.tickets.search({ desk: desk.slug, query })).map((t) => t.number);
    const gaskets = Array.from({ length: 30 }, (_, i) => 2000 + 12000 - i * 400);
    expect(await numbers(desk.owner, "gasket")).toEqual(gaskets);
    expect(await numbers(agent, "gasket")).toEqual(gaskets.filter((n) => (n - 2000) % 800 !== 0));
    expect(await numbers(desk.owner, "flange")).toEqual([2005]);
    expect(await numbers(agent, "flange leak")).toEqual([]);
  });
});

describe("customers", () => {
  it("are listed to agents only when they wrote to a department the agent may see", async () => {
    const desk = await readyDesk(database.db, "customers-desk", ["Support", "Payments"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "cust@agent.test", grants: { [desk.departmentIds.Support!]: "view" } });
    await fileTicket(desk, { email: "support-person@example.com" });
    const secret = await fileTicket(desk, { email: "payments-person@example.com", department: "Payments" });
    expect((await desk.owner.customers.list({ desk: desk.slug })).customers.map((c) => c.email).sort()).toEqual(["payments-person@example.com", "support-person@example.com"]);
    expect((await agent.customers.list({ desk: desk.slug })).customers.map((c) => c.email)).toEqual(["support-person@example.com"]);
    expect((await agent.customers.list({ desk: desk.slug, query: "payments" })).customers).toEqual([]);
    expect((await refusal(agent.customers.get({ desk: desk.slug, customerId: secret.customerId }))).code).toBe("NOT_FOUND");
    expect((await refusal(agent.customers.setBlocked({ desk: desk.slug, customerId: secret.customerId, blocked: true }))).code).toBe("FORBIDDEN");
  });
});

describe("archiving a department", () => {
  it("asks where its open tickets go, moves them there, and loses none", async () => {
    const desk = await readyDesk(database.db, "archive-dept", ["Support", "Legacy"]);
    const open = await fileTicket(desk, { department: "Legacy", subject: "Still open" });
    const done = await fileTicket(desk, { department: "Legacy", subject: "Long done" });
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: done.id, changes: { status: "closed" } });
    expect(await desk.owner.departments.openTicketCount({ desk: desk.slug, id: desk.departmentIds.Legacy! })).toBe(1);
    const refused = await refusal(desk.owner.departments.archive({ desk: desk.slug, id: desk.departmentIds.Legacy! }));
    expect([refused.code, refused.message]).toEqual(["CONFLICT", "department.hasOpenTickets"]);
    expect(await desk.owner.departments.archive({ desk: desk.slug, id: desk.departmentIds.Legacy!, moveOpenTicketsTo: desk.departmentIds.Support! })).toEqual({ moved: 1 });
    const moved = await desk.owner.tickets.get({ desk: desk.slug, ticketId: open.id });
    expect(moved.ticket.departmentId).toBe(desk.departmentIds.Support);
    expect(moved.events.map((e) => e.type)).toContain("department");
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: done.id })).ticket.departmentId).toBe(desk.departmentIds.Legacy);
  });
});
