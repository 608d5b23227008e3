import type { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/server/kernel/schema";
import { DeskError } from "@/server/errors";
import { useListen as listenFor } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { internalMessages, internalParticipants, internalThreads } from "./schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase({ onOpen: (opened) => listenFor(opened.db, opened.listen) });

type Desk = Awaited<ReturnType<typeof readyDesk>>;

/** The message key a refused field carries, from zod's issues or a service's DeskError. */
function fieldError(error: TRPCError, field: string): string | undefined {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues.find((issue) => issue.path[0] === field)?.message;
  if (cause instanceof DeskError) return cause.fields?.[field];
  return undefined;
}

/** Rows of internal mail stored for a desk (read outside any scope the test holds open). */
async function stored(desk: Desk) {
  return withTenant(database.db, desk.tenantId, async (tx) => {
    const count = async (table: typeof internalThreads | typeof internalMessages | typeof internalParticipants) =>
      (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return { threads: await count(internalThreads), messages: await count(internalMessages), participants: await count(internalParticipants) };
  });
}

/** A Pro desk (internal mail included) with two agents in different departments and one outsider to the thread. */
async function proDesk(slug: string) {
  const desk = await readyDesk(database.db, slug, ["Support", "Payments"]);
  await desk.owner.billing.changePlan({ desk: slug, planId: "pro", options: [] });
  const ann = await inviteAndJoin(database.db, desk, { email: `ann@${slug}.test`, grants: { [desk.departmentIds.Support!]: "reply" } });
  const bob = await inviteAndJoin(database.db, desk, { email: `bob@${slug}.test`, grants: { [desk.departmentIds.Payments!]: "reply" } });
  const cid = await inviteAndJoin(database.db, desk, { email: `cid@${slug}.test`, grants: { [desk.departmentIds.Support!]: "view" } });
  const staff = await desk.owner.staff.list({ desk: slug });
  const owner = staff.find((m) => m.role === "owner")!;
  return { desk, ann, bob, cid, ownerMembershipId: owner.membershipId };
}

describe("internal mail", () => {
  it("reaches each recipient as unread, clears on opening, and the reply comes back unread to the others", async () => {
    const { desk, ann, bob, ownerMembershipId } = await proDesk("imail-flow");
    const ticket = await fileTicket(desk, { subject: "Printer on fire" });
    const feed: { threadId: string; kind: string }[] = [];
    void (async () => {
      for await (const change of await ann.caller.internalMail.changes({ desk: desk.slug })) feed.push(change);
    })();
    const outsider = await readyDesk(database.db, "imail-flow-outsider", ["Support"]);
    const outsiderFeed: unknown[] = [];
    void (async () => {
      for await (const change of await outsider.owner.internalMail.changes({ desk: outsider.slug })) outsiderFeed.push(change);
    })();
    await new Promise((r) => setTimeout(r, 200));

    const { threadId } = await desk.owner.internalMail.start({
      desk: desk.slug,
      recipients: [ann.member.membershipId, bob.member.membershipId],
      subject: "Customer on #" + ticket.number,
      body: "Please **call** them today.",
      ticketNumber: ticket.number,
    });

    expect(await ann.caller.internalMail.state({ desk: desk.slug })).toEqual({ enabled: true, canEnable: false, unread: 1 });
    expect(await bob.caller.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 1 });
    expect(await desk.owner.internalMail.state({ desk: desk.slug })).toEqual({ enabled: true, canEnable: true, unread: 0 });

    const annList = await ann.caller.internalMail.threads({ desk: desk.slug, limit: 50 });
    expect(annList.threads).toHaveLength(1);
    expect(annList.threads[0]).toMatchObject({ id: threadId, unread: true, hasTicket: true, preview: "Please **call** them today." });
    expect(annList.threads[0]!.participants.map((p) => p.name).sort()).toEqual([bob.member.name, desk.values.ownerName].sort());

    // Ann works in Support and sees the ticket; Bob (Payments) learns only that there is one.
    const annThread = await ann.caller.internalMail.thread({ desk: desk.slug, threadId });
    expect(annThread.ticket).toEqual({ visible: true, id: ticket.id, number: ticket.number, subject: "Printer on fire" });
    expect(annThread.messages.map((m) => [m.authorMembershipId, m.body])).toEqual([[ownerMembershipId, "Please **call** them today."]]);
    const bobThread = await bob.caller.internalMail.thread({ desk: desk.slug, threadId });
    expect(bobThread.ticket).toEqual({ visible: false });

    await ann.caller.internalMail.markRead({ desk: desk.slug, threadId });
    expect(await ann.caller.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 0 });
    expect(await bob.caller.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 1 });

    await ann.caller.internalMail.reply({ desk: desk.slug, threadId, body: "Called, all good." });
    expect(await desk.owner.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 1 });
    expect(await ann.caller.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 0 });
    expect(await bob.caller.internalMail.state({ desk: desk.slug })).toMatchObject({ unread: 1 });
    const ownerThread = await desk.owner.internalMail.thread({ desk: desk.slug, threadId });
    expect(ownerThread.messages.map((m) => m.body)).toEqual(["Please **call** them today.", "Called, all good."]);

    // The event log says who wrote to whom, never what.
    const events = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.objectId, threadId)));
    expect(events.map((e) => e.action).sort()).toEqual(["internalMail.replied", "internalMail.sent"]);
    expect(JSON.stringify(events)).not.toMatch(/call|Called|Customer on/);

    // Live: Ann heard of the new thread and of her own read (for her other tabs); the other desk heard nothing.
    for (let waited = 0; feed.length < 3 && waited < 5000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(feed.slice(0, 3)).toEqual([
      { threadId, kind: "message" },
      { threadId, kind: "read" },
      { threadId, kind: "message" },
    ]);
    expect(outsiderFeed).toEqual([]);
  });

  it("keeps a thread from everyone who is not in it: colleagues, the owner and other desks get NOT_FOUND", async () => {
    const { desk, ann, bob, cid } = await proDesk("imail-private");
    const { threadId } = await ann.caller.internalMail.start({ desk: desk.slug, recipients: [bob.member.membershipId], subject: "Between us", body: "Secret plan" });

    for (const stranger of [cid.caller, desk.owner]) {
      const read = await refusal(stranger.internalMail.thread({ desk: desk.slug, threadId }));
      expect(read.code).toBe("NOT_FOUND");
      expect(read.message).toBe("internalMail.notFound");
      expect((await refusal(stranger.internalMail.reply({ desk: desk.slug, threadId, body: "Let me in" }))).code).toBe("NOT_FOUND");
      expect((await refusal(stranger.internalMail.markRead({ desk: desk.slug, threadId }))).code).toBe("NOT_FOUND");
      expect((await stranger.internalMail.threads({ desk: desk.slug, limit: 50 })).threads).toEqual([]);
    }
    const other = await readyDesk(database.db, "imail-private-other", ["Support"]);
    await other.owner.billing.changePlan({ desk: other.slug, planId: "pro", options: [] });
    expect((await refusal(other.owner.internalMail.thread({ desk: other.slug, threadId }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.internalMail.thread({ desk: desk.slug, threadId }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.internalMail.reply({ desk: desk.slug, threadId, body: "Hi" }))).code).toBe("NOT_FOUND");
    expect((await stored(desk)).messages).toBe(1);
  });

  it("writes only to active colleagues of the desk, and never to oneself alone", async () => {
    const { desk, ann, bob, cid } = await proDesk("imail-recipients");
    await desk.owner.staff.setActive({ desk: desk.slug, membershipId: cid.member.membershipId, active: false });
    const other = await readyDesk(database.db, "imail-recipients-other", ["Support"]);
    const stranger = (await other.owner.staff.list({ desk: other.slug }))[0]!;
    const before = await stored(desk);

    const cases: [string[], string][] = [
      [[cid.member.membershipId], "internalMail.recipientInactive"],
      [[bob.member.membershipId, cid.member.membershipId], "internalMail.recipientInactive"],
      [[stranger.membershipId], "internalMail.recipientNotFound"],
      [[ann.member.membershipId], "internalMail.recipientsRequired"],
    ];
    for (const [recipients, key] of cases) {
      const error = await refusal(ann.caller.internalMail.start({ desk: desk.slug, recipients, subject: "Hello", body: "Anyone there?" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldError(error, "recipients")).toBe(key);
    }
    expect(await stored(desk)).toEqual(before);
    expect((await ann.caller.internalMail.colleagues({ desk: desk.slug })).map((c) => c.name).sort()).toEqual([bob.member.name, desk.values.ownerName].sort());
  });

  it("lists my conversations with the latest activity first, page by page", async () => {
    const { desk, ann, bob } = await proDesk("imail-paging");
    const start = (subject: string) => ann.caller.internalMail.start({ desk: desk.slug, recipients: [bob.member.membershipId], subject, body: subject });
    const first = await start("First");
    await start("Second");
    await start("Third");
    // A reply brings the oldest conversation back to the top.
    await bob.caller.internalMail.reply({ desk: desk.slug, threadId: first.threadId, body: "Back on top" });

    const page1 = await ann.caller.internalMail.threads({ desk: desk.slug, limit: 2 });
    expect(page1.threads.map((t) => [t.subject, t.unread])).toEqual([
      ["First", true],
      ["Third", false],
    ]);
    expect(page1.threads[0]).toMatchObject({ preview: "Back on top", lastAuthorName: bob.member.name });
    const page2 = await ann.caller.internalMail.threads({ desk: desk.slug, limit: 2, cursor: page1.nextCursor });
    expect(page2.threads.map((t) => t.subject)).toEqual(["Second"]);
    expect(page2.nextCursor).toBeNull();
  });

  it("links only a ticket the sender may see", async () => {
    const { desk, bob, ann } = await proDesk("imail-ticket");
    const support = await fileTicket(desk, { subject: "Support only" });
    const payments = await fileTicket(desk, { subject: "Refund", department: "Payments" });
    for (const ticketNumber of [support.number, 99_999]) {
      const error = await refusal(bob.caller.internalMail.start({ desk: desk.slug, recipients: [ann.member.membershipId], subject: "See this", body: "Look", ticketNumber }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldError(error, "ticketNumber")).toBe("internalMail.ticketNotFound");
    }
    expect((await stored(desk)).threads).toBe(0);
    const { threadId } = await bob.caller.internalMail.start({ desk: desk.slug, recipients: [ann.member.membershipId], subject: "Refund question", body: "Look", ticketNumber: payments.number });
    expect((await bob.caller.internalMail.thread({ desk: desk.slug, threadId })).ticket).toMatchObject({ visible: true, number: payments.number });
    expect((await ann.caller.internalMail.thread({ desk: desk.slug, threadId })).ticket).toEqual({ visible: false });
  });

  it("needs the internal mail option to write; threads written before stay readable", async () => {
    const desk = await readyDesk(database.db, "imail-standard", ["Support"]);
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "agent@imail-standard.test" });

    const missing = await refusal(desk.owner.internalMail.start({ desk: desk.slug, recipients: [member.membershipId], subject: "Hi", body: "Hello" }));
    expect(missing.code).toBe("FORBIDDEN");
    expect(missing.message).toBe("billing.optionMissing");
    expect((await refusal(agent.internalMail.colleagues({ desk: desk.slug }))).message).toBe("billing.optionMissing");
    expect(await agent.internalMail.state({ desk: desk.slug })).toEqual({ enabled: false, canEnable: false, unread: 0 });
    expect(await desk.owner.internalMail.state({ desk: desk.slug })).toEqual({ enabled: false, canEnable: true, unread: 0 });
    expect((await stored(desk)).threads).toBe(0);

    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["internal_mail"] });
    const { threadId } = await desk.owner.internalMail.start({ desk: desk.slug, recipients: [member.membershipId], subject: "Hi", body: "Hello" });
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: [] });

    expect((await agent.internalMail.thread({ desk: desk.slug, threadId })).messages.map((m) => m.body)).toEqual(["Hello"]);
    const reply = await refusal(agent.internalMail.reply({ desk: desk.slug, threadId, body: "Thanks" }));
    expect(reply.code).toBe("FORBIDDEN");
    expect(reply.message).toBe("billing.optionMissing");
    expect((await stored(desk)).messages).toBe(1);
  });

  it("refuses bad input with field messages and stores nothing", async () => {
    const { desk, ann, bob } = await proDesk("imail-input");
    const { threadId } = await ann.caller.internalMail.start({ desk: desk.slug, recipients: [bob.member.membershipId], subject: "Valid", body: "Valid" });
    const before = await stored(desk);
    const good = { desk: desk.slug, recipients: [bob.member.membershipId], subject: "Subject", body: "Body" };
    const manyIds = Array.from({ length: 21 }, (_, i) => `0190f5b8-0000-7000-8000-${String(i).padStart(12, "0")}`);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ body: "" }, "body", "internalMail.bodyRequired"],
      [{ body: "   \n " }, "body", "internalMail.bodyRequired"],
      [{ body: "x".repeat(10_001) }, "body", "internalMail.bodyTooLong"],
      [{ subject: "  " }, "subject", "internalMail.subjectRequired"],
      [{ subject: "s".repeat(201) }, "subject", "internalMail.subjectTooLong"],
      [{ recipients: [] }, "recipients", "internalMail.recipientsRequired"],
      [{ recipients: manyIds }, "recipients", "internalMail.tooManyRecipients"],
      [{ ticketNumber: 0 }, "ticketNumber", "internalMail.ticketNumberInvalid"],
    ];
    for (const [override, field, key] of cases) {
      const error = await refusal(ann.caller.internalMail.start({ ...good, ...override } as typeof good));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldError(error, field)).toBe(key);
    }
    const smuggled = await refusal(ann.caller.internalMail.start({ ...good, tenantId: desk.tenantId, authorMembershipId: bob.member.membershipId } as typeof good));
    expect(smuggled.code).toBe("BAD_REQUEST");
    const emptyReply = await refusal(ann.caller.internalMail.reply({ desk: desk.slug, threadId, body: " " }));
    expect(fieldError(emptyReply, "body")).toBe("internalMail.bodyRequired");
    const longReply = await refusal(ann.caller.internalMail.reply({ desk: desk.slug, threadId, body: "y".repeat(10_001) }));
    expect(fieldError(longReply, "body")).toBe("internalMail.bodyTooLong");
    expect(await stored(desk)).toEqual(before);
  });
});
