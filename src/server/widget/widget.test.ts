import { randomBytes } from "node:crypto";
import { eq, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DeskError } from "@/server/errors";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { callerAs } from "@/test/callers";
import { fileTicket } from "@/test/tickets";
import { customers, customerLinks } from "../customers/schema";
import { tenants } from "../kernel/schema";
import { files } from "../files/schema";
import { ticketMessages, tickets } from "../tickets/schema";
import { widgetSubmission } from "./inputs";
import { identityHash, identityValid, originAllowed } from "./service";
import { submitFromWidget } from "./submit";
import { outbox } from "../outbox/schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** A desk with its widget configured: two departments visitors may choose, one allowed site. */
async function widgetDesk(slug: string) {
  const desk = await readyDesk(database.db, slug, ["Support", "Sales"]);
  const settings = await desk.owner.widget.settings({ desk: desk.slug });
  await desk.owner.widget.update({
    desk: desk.slug,
    color: "#0f766e",
    position: "left",
    greeting: "Hi!",
    departmentIds: [desk.departmentIds.Support!, desk.departmentIds.Sales!],
    allowedOrigins: ["https://shop.example.com/any/page"],
    widgetFields: settings.widgetFields,
  });
  return { ...desk, key: settings.publicKey, secret: settings.identitySecret };
}

const submit = (key: string, fields: Record<string, unknown>, uploads: { fileName: string; contentType: string; bytes: Uint8Array }[] = [], from = ip()) =>
  submitFromWidget(database.db, key, widgetSubmission.parse({ email: "visitor@example.com", message: "My order has not arrived.", ...fields }), uploads, { ip: from });

const rowsOf = <T>(desk: { tenantId: string }, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, desk.tenantId, fn);

describe("the widget", () => {
  it("files a visitor's ticket with an attachment, registers the customer and mails the private link", async () => {
    const desk = await widgetDesk("widget-submit");
    const result = await submit(desk.key, { name: "Vera Visitor", subject: "Where is my order?", departmentId: desk.departmentIds.Sales }, [
      { fileName: "receipt.pdf", contentType: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect(result.number).toBe(1001);
    expect(result.link).toMatch(/\/t\/[A-Za-z0-9_-]{43}$/);
    const inbox = await desk.owner.tickets.inbox({ desk: desk.slug });
    expect(inbox.tickets.map((t) => [t.number, t.subject, t.channel, t.departmentName, t.customerEmail])).toEqual([[1001, "Where is my order?", "widget", "Sales", "visitor@example.com"]]);
    const stored = await rowsOf(desk, async (tx) => ({
      files: await tx.select({ name: files.fileName, messageId: files.messageId }).from(files),
      mail: await tx.select().from(outbox).where(ne(outbox.kind, "account.verifyEmail")),
      links: await tx.select().from(customerLinks),
    }));
    expect(stored.files).toEqual([{ name: "receipt.pdf", messageId: expect.any(String) }]);
    expect(stored.mail.map((m) => [m.kind, m.toAddress])).toEqual([["ticket.received", "visitor@example.com"]]);
    expect(stored.mail[0]!.textBody).toContain(result.link);
    expect(stored.links[0]!.tokenHash).not.toContain(result.link.split("/t/")[1]);
  });

  it("refuses a submission missing what the desk requires, and stores nothing", async () => {
    const desk = await widgetDesk("widget-required");
    const error = await submit(desk.key, { email: "", message: "", departmentId: "00000000-0000-7000-8000-000000000000" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).fields).toMatchObject({ email: "widget.required", message: "widget.required", department: "department.notFound" });
    expect(() => widgetSubmission.parse({ email: "not-an-email", message: "x" })).toThrow();
    const count = await rowsOf(desk, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(tickets));
    expect(count[0]!.n).toBe(0);
  });

  it("trusts an identity only with the right HMAC of the email", async () => {
    const desk = await widgetDesk("widget-identity");
    const hash = identityHash(desk.secret, "Member@Shop.example");
    expect(identityValid({ identitySecret: desk.secret }, { email: "member@shop.example", hash })).toBe(true);
    expect(identityValid({ identitySecret: desk.secret }, { email: "someone-else@shop.example", hash })).toBe(false);
    expect(identityValid({ identitySecret: desk.secret }, { email: "member@shop.example", hash: "0".repeat(64) })).toBe(false);

    const trusted = await submit(desk.key, { email: "", identity: { email: "member@shop.example", name: "Member", hash } });
    expect(trusted.email).toBe("member@shop.example");
    const forged = await submit(desk.key, { identity: { email: "ceo@shop.example", name: "CEO", hash } }).catch((e: unknown) => e);
    expect((forged as DeskError).messageKey).toBe("widget.identityInvalid");
    // A new secret: hashes signed with the old one stop working at once.
    await desk.owner.widget.rotateSecret({ desk: desk.slug });
    const stale = await submit(desk.key, { identity: { email: "member@shop.example", name: "Member", hash } }).catch((e: unknown) => e);
    expect((stale as DeskError).messageKey).toBe("widget.identityInvalid");
    const emails = await rowsOf(desk, (tx) => tx.select({ email: customers.email }).from(customers));
    expect(emails.map((c) => c.email)).toEqual(["member@shop.example"]);
  });

  it("is embeddable only from the allowed sites (and our own pages)", async () => {
    const desk = await widgetDesk("widget-origins");
    const settings = await desk.owner.widget.settings({ desk: desk.slug });
    expect(settings.allowedOrigins).toEqual(["https://shop.example.com"]);
    expect(settings.snippet).toContain(`data-desk="${desk.key}"`);
    expect(originAllowed(settings, "https://shop.example.com")).toBe(true);
    expect(originAllowed(settings, "https://evil.example.com")).toBe(false);
    expect(originAllowed(settings, null)).toBe(false);
    const bad = await refusal(desk.owner.widget.update({ ...settings, desk: desk.slug, allowedOrigins: ["javascript:alert(1)"] }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await desk.owner.widget.settings({ desk: desk.slug })).allowedOrigins).toEqual(["https://shop.example.com"]);
  });

  it("holds stop-listed and honeypot submissions for review, with the same answer to the visitor and no mail", async () => {
    const desk = await widgetDesk("widget-stoplist");
    await desk.owner.stopList.add({ desk: desk.slug, kind: "domain", value: "@spam.example" });
    await desk.owner.stopList.add({ desk: desk.slug, kind: "word", value: "casino" });
    await desk.owner.stopList.add({ desk: desk.slug, kind: "ip", value: "192.0.2.66" });
    expect((await refusal(desk.owner.stopList.add({ desk: desk.slug, kind: "word", value: "Casino" }))).code).toBe("CONFLICT");

    const fine = await submit(desk.key, { message: "Casinos are not my topic; the invoice is wrong." });
    const byDomain = await submit(desk.key, { email: "bot@mail.spam.example" });
    const byWord = await submit(desk.key, { message: "Best CASINO bonus!" });
    const byIp = await submit(desk.key, {}, [], "192.0.2.66");
    const byHoneypot = await submit(desk.key, { website: "http://spam.example" });
    for (const answer of [byDomain, byWord, byIp, byHoneypot]) expect(Object.keys(answer).sort()).toEqual(Object.keys(fine).sort());

    const held = await desk.owner.tickets.inbox({ desk: desk.slug, view: "held" });
    expect(held.tickets.map((t) => [t.number, t.heldReason]).sort()).toEqual([
      [byDomain.number, "stop_list"],
      [byWord.number, "stop_list"],
      [byIp.number, "stop_list"],
      [byHoneypot.number, "spam"],
    ].sort());
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.number)).toEqual([fine.number]);
    const mail = await rowsOf(desk, (tx) => tx.select({ to: outbox.toAddress }).from(outbox).where(ne(outbox.kind, "account.verifyEmail")));
    expect(mail).toEqual([{ to: "visitor@example.com" }]);
  });

  it("answers 429 with a clear message after ten submissions from one address, and stores nothing more", async () => {
    const desk = await widgetDesk("widget-ratelimit");
    const from = "203.0.113.200";
    for (let i = 0; i < 10; i++) await submit(desk.key, { subject: `Try ${i}` }, [], from);
    const error = (await submit(desk.key, { subject: "One too many" }, [], from).catch((e: unknown) => e)) as DeskError;
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.messageKey).toBe("public.tooMany");
    expect(Number(error.params?.minutes)).toBeGreaterThan(0);
    const count = await rowsOf(desk, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(tickets));
    expect(count[0]!.n).toBe(10);
    expect((await submit(desk.key, { subject: "Another visitor" }, [], "203.0.113.201")).number).toBe(1011);
  });

  it("keeps its settings to admins of its own desk", async () => {
    const desk = await widgetDesk("widget-guard");
    const other = await readyDesk(database.db, "widget-stranger", ["Support"]);
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@widget-guard.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    for (const call of [() => agent.widget.settings({ desk: desk.slug }), () => agent.stopList.list({ desk: desk.slug }), () => agent.ratings.summary({ desk: desk.slug }), () => agent.widget.rotateSecret({ desk: desk.slug })]) {
      expect((await refusal(call())).code).toBe("FORBIDDEN");
    }
    for (const call of [() => other.owner.widget.settings({ desk: desk.slug }), () => other.owner.stopList.list({ desk: desk.slug }), () => other.owner.ratings.summary({ desk: desk.slug })]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
    expect((await submitFromWidget(database.db, "wk_AAAAAAAAAAAAAAAA", widgetSubmission.parse({ email: "a@b.example", message: "x" }), [], { ip: ip() }).catch((e: unknown) => e)) as DeskError).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the customer's ticket page", () => {
  const tokenOf = (link: string) => link.split("/t/")[1]!;

  it("tells a visitor who types a customer's address nothing the desk stored about that customer", async () => {
    const desk = await widgetDesk("portal-stranger");
    await fileTicket(desk, { email: "alice@example.com", name: "Alice Secret", subject: "My earlier order" });
    const answer = await submit(desk.key, { email: "alice@example.com", name: "Mallory", subject: "Who am I?" });
    expect(answer).toEqual({ number: 1002, link: expect.stringMatching(/\/t\//), email: "alice@example.com" });

    const view = await (await callerAs(database.db)).portal.view({ token: tokenOf(answer.link) });
    expect(view.ticket!.subject).toBe("Who am I?");
    expect(JSON.stringify(view)).not.toContain("Alice Secret");
    expect(view.customer).toEqual({ email: "alice@example.com" });
    expect(view.ticket!.messages.map((m) => [m.kind, m.authorName])).toEqual([["customer", null]]);
    // The desk's record keeps the name it had: a stranger's typing does not change it.
    const [alice] = await rowsOf(desk, (tx) => tx.select({ name: customers.name }).from(customers).where(eq(customers.email, "alice@example.com")));
    expect(alice!.name).toBe("Alice Secret");
  });

  it("shows the public conversation and never a note; the customer replies, closes and reopens", async () => {
    const desk = await widgetDesk("portal-view");
    const { link, number } = await submit(desk.key, { subject: "Broken kettle" });
    const token = tokenOf(link);
    const visitor = await callerAs(database.db);
    const [ticket] = (await desk.owner.tickets.inbox({ desk: desk.slug })).tickets;
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket!.id, kind: "note", body: "Internal: customer is on the cheap plan", expectedVersion: 1 });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket!.id, kind: "reply", body: "We are sending a new kettle.", expectedVersion: 2, setStatus: "solved" });

    const view = await visitor.portal.view({ token });
    expect(view.ticket!.number).toBe(number);
    expect(view.ticket!.messages.map((m) => [m.kind, m.body])).toEqual([
      ["customer", "My order has not arrived."],
      ["reply", "We are sending a new kettle."],
    ]);
    expect(JSON.stringify(view)).not.toContain("cheap plan");

    const { portalReply } = await import("../portal/service");
    const { unsafeResolveCustomerLink } = await import("../tenancy/public");
    const resolved = (await unsafeResolveCustomerLink(database.db, token))!;
    await withTenant(database.db, resolved.tenantId, (tx) => portalReply(tx, resolved, { body: "It arrived broken too." }, []));
    const reopened = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket!.id });
    expect(reopened.ticket.status).toBe("open");
    expect(reopened.messages.at(-1)).toMatchObject({ kind: "customer", body: "It arrived broken too." });

    // A reply to a ticket in the trash is kept: the ticket comes back with it.
    await desk.owner.tickets.trash({ desk: desk.slug, ticketId: ticket!.id, trashed: true });
    await withTenant(database.db, resolved.tenantId, (tx) => portalReply(tx, resolved, { body: "Hello? Anyone?" }, []));
    const back = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket!.id });
    expect(back.ticket.deletedAt).toBeNull();
    expect(back.messages.at(-1)).toMatchObject({ kind: "customer", body: "Hello? Anyone?" });

    expect(await visitor.portal.setStatus({ token, status: "closed" })).toEqual({ status: "closed" });
    expect(await visitor.portal.setStatus({ token, status: "open" })).toEqual({ status: "open" });
    const timeline = (await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket!.id })).events.filter((e) => e.type === "status").map((e) => e.data);
    expect(timeline.at(-1)).toMatchObject({ from: "closed", to: "open", by: "customer" });
  });

  it("gives a guessed, expired or other desk's token nothing", async () => {
    const desk = await widgetDesk("portal-guess");
    const other = await widgetDesk("portal-guess-other");
    const mine = await submit(desk.key, { subject: "Mine" });
    await submit(other.key, { subject: "Theirs", email: "visitor@example.com" });
    const visitor = await callerAs(database.db);
    for (const token of [randomBytes(32).toString("base64url"), "x", tokenOf(mine.link).slice(0, -1) + (tokenOf(mine.link).endsWith("A") ? "B" : "A")]) {
      expect((await refusal(visitor.portal.view({ token }))).code).toBe("NOT_FOUND");
      expect((await refusal(visitor.portal.setStatus({ token, status: "closed" }))).code).toBe("NOT_FOUND");
    }
    // A ticket link opens its own ticket only, even with another number in the input.
    const view = await visitor.portal.view({ token: tokenOf(mine.link), number: 1001 });
    expect(view.ticket!.subject).toBe("Mine");

    // "Check my ticket": the same answer for unknown emails; a magic link lists this desk's tickets only, and expires.
    expect(await visitor.portal.requestLink({ desk: desk.slug, email: "nobody@example.com" })).toEqual({ sent: true });
    expect(await visitor.portal.requestLink({ desk: desk.slug, email: "visitor@example.com" })).toEqual({ sent: true });
    const mails = await rowsOf(desk, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "portal.link")));
    expect(mails.map((m) => m.toAddress)).toEqual(["visitor@example.com"]);
    const magic = /\/t\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.textBody)![1]!;
    const listed = await visitor.portal.view({ token: magic });
    expect(listed.tickets!.map((t) => t.subject)).toEqual(["Mine"]);
    expect((await visitor.portal.view({ token: magic, number: 1001 })).ticket!.subject).toBe("Mine");
    expect((await refusal(visitor.portal.view({ token: magic, number: 1002 }))).code).toBe("NOT_FOUND");
    await database.db.update(customerLinks).set({ expiresAt: sql`now() - interval '1 minute'` }).where(sql`${customerLinks.ticketId} is null`);
    expect((await refusal(visitor.portal.view({ token: magic }))).code).toBe("NOT_FOUND");
  });
});

describe("ratings", () => {
  it("take one editable rating per reply for 7 days, seen by owners and admins, never by agents", async () => {
    const desk = await widgetDesk("ratings-desk");
    // Standard has two seats; this desk needs an agent and an admin besides the owner.
    await database.db.update(tenants).set({ planId: "pro" }).where(eq(tenants.id, desk.tenantId));
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "agent@ratings.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    const { caller: admin } = await inviteAndJoin(database.db, desk, { email: "admin@ratings.test", role: "admin" });
    const { link } = await submit(desk.key, { departmentId: desk.departmentIds.Support });
    const token = link.split("/t/")[1]!;
    const [ticket] = (await agent.tickets.inbox({ desk: desk.slug })).tickets;
    await agent.tickets.reply({ desk: desk.slug, ticketId: ticket!.id, kind: "note", body: "checking", expectedVersion: 1 });
    await agent.tickets.reply({ desk: desk.slug, ticketId: ticket!.id, kind: "reply", body: "Found it: it ships today.", expectedVersion: 2 });
    const visitor = await callerAs(database.db);
    const view = await visitor.portal.view({ token });
    const reply = view.ticket!.messages.find((m) => m.kind === "reply")!;
    expect(reply.rateable).toBe(true);

    // The reply mail carries the private link and a "rate" link that only opens the page.
    const mail = await rowsOf(desk, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.reply")));
    expect(mail[0]!.textBody).toContain(`?rate=${reply.id}`);

    const note = await rowsOf(desk, (tx) => tx.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.kind, "note")));
    expect((await refusal(visitor.portal.rate({ token, messageId: note[0]!.id, quality: 5, speed: 5, comment: "" }))).code).toBe("NOT_FOUND");
    expect((await refusal(visitor.portal.rate({ token, messageId: reply.id, quality: 6, speed: 5, comment: "" }))).code).toBe("BAD_REQUEST");

    await visitor.portal.rate({ token, messageId: reply.id, quality: 3, speed: 4, comment: "ok" });
    await visitor.portal.rate({ token, messageId: reply.id, quality: 5, speed: 4, comment: "Great, <b>thanks</b>" });
    const summary = await desk.owner.ratings.summary({ desk: desk.slug });
    expect(summary.total).toMatchObject({ count: 1, quality: 5, speed: 4, satisfied: 1 });
    expect(summary.byAgent).toMatchObject([{ membershipId: member.membershipId, count: 1, quality: 5 }]);
    expect(summary.byDepartment).toMatchObject([{ name: "Support", count: 1 }]);
    expect(summary.latest[0]).toMatchObject({ comment: "Great, <b>thanks</b>", ticketNumber: 1001 });
    expect((await admin.ratings.summary({ desk: desk.slug })).total.count).toBe(1);
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket!.id })).ratings).toMatchObject([{ messageId: reply.id, quality: 5 }]);
    expect((await refusal(agent.ratings.summary({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await agent.tickets.get({ desk: desk.slug, ticketId: ticket!.id })).ratings).toEqual([]);

    // After 7 days the rating stands.
    await database.db.execute(sql`update ratings set created_at = now() - interval '8 days'`);
    expect((await refusal(visitor.portal.rate({ token, messageId: reply.id, quality: 1, speed: 1, comment: "" }))).code).toBe("CONFLICT");
    expect((await visitor.portal.view({ token })).ticket!.messages.find((m) => m.id === reply.id)).toMatchObject({ rateable: false, rating: { quality: 5 } });
  });
});

// Held tickets stay out of every agent view (tickets.test.ts); a held widget ticket is no exception.
it("puts a fileTicket helper-made ticket and a widget ticket in one numbering", async () => {
  const desk = await widgetDesk("widget-numbering");
  await fileTicket(desk, { subject: "By phone" });
  expect((await submit(desk.key, {})).number).toBe(1002);
});
