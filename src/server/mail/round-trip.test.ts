import { and, eq } from "drizzle-orm";
import { authenticate } from "mailauth";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { startSmtpSink } from "@/test/smtp-sink";
import { withTenant } from "@/server/tenancy/scope";
import { env } from "@/env";
import { files } from "../files/schema";
import { mailMessages, outbox } from "../outbox/schema";
import { ticketEvents, ticketMessages, tickets } from "../tickets/schema";
import { importMail } from "./inbound";
import { unsafeDeliverDueMail } from "../outbox/outbox";
import { submitFromWidget } from "../widget/submit";
import { widgetSubmission } from "../widget/inputs";
import { startSmtpReceiver } from "./smtp-receiver";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;
const domain = env.INBOUND_MAIL_DOMAIN!;

/** A raw RFC 822 message as a mail server would hand it over. */
function raw(headers: Record<string, string>, body: string) {
  const head = Object.entries({ "MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8", Date: new Date().toUTCString(), ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n");
  return Buffer.from(`${head}\r\n\r\n${body}`);
}
const importRaw = (desk: Desk, headers: Record<string, string>, body: string) => importMail(database.db, desk.tenantId, raw(headers, body));
const inDesk = <T,>(desk: Desk, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, desk.tenantId, fn);
const lastOutbox = (desk: Desk, kind: string) =>
  inDesk(desk, async (tx) => (await tx.select().from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.createdAt)).at(-1)!);
const ticketByNumber = (desk: Desk, number: number) => inDesk(desk, async (tx) => (await tx.select().from(tickets).where(eq(tickets.number, number)))[0]!);
const matchedBy = (desk: Desk, messageId: string) =>
  inDesk(desk, async (tx) => (await tx.select({ matchedBy: mailMessages.matchedBy }).from(mailMessages).where(and(eq(mailMessages.messageId, messageId), eq(mailMessages.direction, "in"))))[0]?.matchedBy);

/** A ticket with one public reply sent: the reply carries the ticket's own Reply-To. */
async function answeredTicket(desk: Desk, email = "pat@example.com") {
  const ticket = await fileTicket(desk, { email });
  await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Try turning it off and on.", expectedVersion: ticket.version });
  const reply = await lastOutbox(desk, "ticket.reply");
  return { ticket, reply };
}

describe("mail round trip", () => {
  it("sends as the desk and threads a reply by the ticket's own reply address, which cannot be guessed or used elsewhere", async () => {
    const desk = await readyDesk(database.db, "trip-address", ["Support"]);
    const other = await readyDesk(database.db, "trip-other", ["Support"]);
    const { ticket, reply } = await answeredTicket(desk);
    expect(reply.fromAddress).toBe(`${desk.slug}@${domain}`);
    expect(reply.fromName).toContain("trip-address");
    expect(reply.replyTo).toMatch(new RegExp(`^${desk.slug}\\+t${ticket.number}-[a-z2-7]{10}@${domain.replace(/\./g, "\\.")}$`));

    // The customer's client dropped every threading header and the tag: the address alone threads it.
    expect(await importRaw(desk, { From: "pat@example.com", To: reply.replyTo!, Subject: "thanks", "Message-ID": "<r1@example.com>" }, "It works now.")).toEqual({ outcome: "appended", ticketNumber: ticket.number });
    expect(await matchedBy(desk, "<r1@example.com>")).toBe("reply_address");

    // One letter changed, another ticket's number, another desk: no thread, a ticket of its own.
    const forged = reply.replyTo!.replace(/-([a-z2-7])/, (_m, c: string) => `-${c === "a" ? "b" : "a"}`);
    expect((await importRaw(desk, { From: "pat@example.com", To: forged, Subject: "guess", "Message-ID": "<r2@example.com>" }, "Guessing.")).outcome).toBe("new_ticket");
    const otherNumber = reply.replyTo!.replace(`+t${ticket.number}-`, `+t${ticket.number + 1}-`);
    expect((await importRaw(desk, { From: "pat@example.com", To: otherNumber, Subject: "other", "Message-ID": "<r3@example.com>" }, "Other ticket?")).outcome).toBe("new_ticket");
    const before = await inDesk(other, (tx) => tx.select().from(tickets));
    expect((await importRaw(other, { From: "pat@example.com", To: reply.replyTo!, Subject: "cross", "Message-ID": "<r4@example.com>" }, "Cross desk.")).outcome).toBe("new_ticket");
    expect(await inDesk(other, (tx) => tx.select().from(tickets))).toHaveLength(before.length + 1);
    const bodies = await inDesk(desk, (tx) => tx.select({ body: ticketMessages.body }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)));
    expect(bodies.map((b) => b.body)).not.toContain("Guessing.");
  });

  it("makes people in Cc followers: replies go to them in Cc, and a follower's reply joins the ticket as theirs, unacknowledged", async () => {
    const desk = await readyDesk(database.db, "trip-cc", ["Support"]);
    const first = await importRaw(desk, { From: "Pat <pat@example.com>", To: `${desk.slug}@${domain}`, Cc: "Sam <sam@example.com>, trip-cc@" + domain, Subject: "VPN down", "Message-ID": "<c1@example.com>" }, "The VPN is down for the whole team.");
    expect(first.outcome).toBe("new_ticket");
    const ticket = await ticketByNumber(desk, first.ticketNumber!);
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.followers.map((f) => f.email)).toEqual(["sam@example.com"]);

    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Restarting the gateway.", expectedVersion: view.ticket.version });
    const reply = await lastOutbox(desk, "ticket.reply");
    expect(reply.toAddress).toBe("pat@example.com");
    expect(reply.cc).toEqual(["sam@example.com"]);

    expect(await importRaw(desk, { From: "sam@example.com", To: reply.replyTo!, Subject: "Re: VPN down", "Message-ID": "<c2@example.com>", "In-Reply-To": reply.messageId! }, "Works for me now, thanks.")).toEqual({ outcome: "appended", ticketNumber: ticket.number });
    const after = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(after.messages.at(-1)).toMatchObject({ kind: "customer", body: "Works for me now, thanks.", authorEmail: "sam@example.com", matchedBy: "reply_address" });
    const acknowledgements = await inDesk(desk, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.received")));
    expect(acknowledgements.map((m) => m.toAddress)).toEqual(["pat@example.com"]);

    // An agent removes the follower: their next mail opens a ticket of their own, linked to this one.
    await desk.owner.tickets.removeFollower({ desk: desk.slug, ticketId: ticket.id, email: "sam@example.com" });
    const stranger = await importRaw(desk, { From: "sam@example.com", To: `${desk.slug}@${domain}`, Subject: "Re: VPN down", "Message-ID": "<c3@example.com>", "In-Reply-To": reply.messageId! }, "One more thing.");
    expect(stranger.outcome).toBe("new_ticket");
    const linked = await ticketByNumber(desk, stranger.ticketNumber!);
    const events = await inDesk(desk, (tx) => tx.select().from(ticketEvents).where(eq(ticketEvents.ticketId, linked.id)));
    expect(events.find((e) => e.type === "mail_linked")?.data).toMatchObject({ number: ticket.number, ticketId: ticket.id });

    // Agents add followers by hand; bad addresses are field errors; another desk sees nothing.
    await desk.owner.tickets.addFollower({ desk: desk.slug, ticketId: ticket.id, email: "Lee@Example.com" });
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).followers.map((f) => f.email)).toContain("lee@example.com");
    await expect(desk.owner.tickets.addFollower({ desk: desk.slug, ticketId: ticket.id, email: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await readyDesk(database.db, "trip-cc-other", ["Support"]);
    await expect(other.owner.tickets.addFollower({ desk: other.slug, ticketId: ticket.id, email: "x@example.com" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records an auto-reply threaded into a pending ticket and changes nothing else", async () => {
    const desk = await readyDesk(database.db, "trip-auto", ["Support"]);
    const { ticket, reply } = await answeredTicket(desk);
    const before = await ticketByNumber(desk, ticket.number);
    expect(before.status).toBe("pending");
    const outboxBefore = await inDesk(desk, (tx) => tx.select().from(outbox));
    const outcome = await importRaw(desk, { From: "pat@example.com", To: reply.replyTo!, Subject: "Automatic reply: Cannot log in", "Auto-Submitted": "auto-replied", "Message-ID": "<a1@example.com>", "In-Reply-To": reply.messageId! }, "I am out of the office until Monday.");
    expect(outcome).toEqual({ outcome: "auto_reply", ticketNumber: ticket.number });
    const after = await ticketByNumber(desk, ticket.number);
    expect({ status: after.status, version: after.version, due: after.slaDueAt, last: after.lastCustomerMessageAt }).toEqual({ status: before.status, version: before.version, due: before.slaDueAt, last: before.lastCustomerMessageAt });
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages.filter((m) => m.kind === "customer")).toHaveLength(1);
    expect(view.events.find((e) => e.type === "auto_reply")?.data).toMatchObject({ from: "pat@example.com" });
    expect(await inDesk(desk, (tx) => tx.select().from(outbox))).toHaveLength(outboxBefore.length);
  });

  it("holds mail the receiving server marked as spam, answers nobody, and releases a sender marked not spam", async () => {
    const desk = await readyDesk(database.db, "trip-spam", ["Support"]);
    const flagged = { From: "deals@spam.example", To: `${desk.slug}@${domain}`, Subject: "You won", "X-Spam-Flag": "YES", "X-Spam-Status": "Yes, score=12.3" };
    const held = await importRaw(desk, { ...flagged, "Message-ID": "<s1@spam.example>" }, "Claim your prize.");
    const ticket = await ticketByNumber(desk, held.ticketNumber!);
    expect(ticket.heldReason).toBe("spam");
    expect(await inDesk(desk, (tx) => tx.select().from(outbox))).toHaveLength(0);
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).messages[0]!.spamReason).toMatch(/X-Spam/);
    expect((await desk.owner.tickets.inbox({ desk: desk.slug, view: "held" })).tickets.map((t) => t.id)).toContain(ticket.id);

    await desk.owner.mail.notSpam({ desk: desk.slug, ticketId: ticket.id });
    expect((await ticketByNumber(desk, ticket.number)).heldReason).toBeNull();
    const again = await importRaw(desk, { ...flagged, "Message-ID": "<s2@spam.example>" }, "Second offer.");
    expect((await ticketByNumber(desk, again.ticketNumber!)).heldReason).toBeNull();

    const junk = await importRaw(desk, { ...flagged, From: "junk@spam.example", "Message-ID": "<s3@spam.example>" }, "Junk.");
    const junkTicket = await ticketByNumber(desk, junk.ticketNumber!);
    await desk.owner.mail.spam({ desk: desk.slug, ticketId: junkTicket.id });
    expect((await ticketByNumber(desk, junk.ticketNumber!)).deletedAt).not.toBeNull();
    const stopList = await desk.owner.stopList.list({ desk: desk.slug });
    expect(stopList.map((e) => e.value)).toContain("junk@spam.example");
  });

  it("keeps a message whose attachment is refused, listing the part as withheld", async () => {
    const desk = await readyDesk(database.db, "trip-parts", ["Support"]);
    const boundary = "b1";
    const body = [
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Invoice attached.",
      `--${boundary}`,
      'Content-Type: application/octet-stream; name="invoice.exe"',
      'Content-Disposition: attachment; filename="invoice.exe"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("MZ fake program").toString("base64"),
      `--${boundary}`,
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      "",
      "Some notes.",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const outcome = await importRaw(desk, { From: "pat@example.com", To: `${desk.slug}@${domain}`, Subject: "Invoice", "Message-ID": "<p1@example.com>", "Content-Type": `multipart/mixed; boundary="${boundary}"` }, body);
    expect(outcome.outcome).toBe("new_ticket");
    const ticket = await ticketByNumber(desk, outcome.ticketNumber!);
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages[0]!.body).toBe("Invoice attached.");
    expect(view.messages[0]!.withheld).toEqual([{ fileName: "invoice.exe", reason: "blocked" }]);
    expect((await inDesk(desk, (tx) => tx.select({ fileName: files.fileName }).from(files))).map((f) => f.fileName)).toEqual(["notes.txt"]);
  });

  it("receives by SMTP only for desks that exist, with the size limit, and holds mail that fails DMARC", async () => {
    const desk = await readyDesk(database.db, "trip-smtp", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["mail"] });
    const records: Record<string, string[][]> = {
      "_dmarc.forged.example": [["v=DMARC1; p=reject"]],
      "forged.example": [["v=spf1 -all"]],
    };
    const resolver = async (name: string, type: string) => {
      if (type === "TXT" && records[name]) return records[name];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: "ENOTFOUND" });
    };
    const server = await startSmtpReceiver(database.db, { port: 0, host: "127.0.0.1", domain, resolver });
    const port = (server.server.address() as { port: number }).port;
    const client = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    try {
      await expect(client.sendMail({ from: "pat@example.com", to: `nobody-here@${domain}`, subject: "x", text: "x" })).rejects.toMatchObject({ responseCode: 550 });
      await expect(client.sendMail({ from: "pat@example.com", to: `${desk.slug}@elsewhere.example`, subject: "x", text: "x" })).rejects.toMatchObject({ responseCode: 550 });
      await expect(client.sendMail({ from: "pat@example.com", to: `${desk.slug}@${domain}`, subject: "big", text: "x".repeat(31 * 1024 * 1024) })).rejects.toMatchObject({ responseCode: 552 });

      await client.sendMail({ from: "Pat <pat@example.com>", to: `${desk.slug}@${domain}`, subject: "Printer", text: "The printer is jammed.", messageId: "<smtp1@example.com>" });
      await client.sendMail({ from: "Boss <boss@forged.example>", to: `${desk.slug}@${domain}`, subject: "Wire transfer", text: "Pay this now.", messageId: "<smtp2@forged.example>" });
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const received = await inDesk(desk, (tx) => tx.select().from(tickets).orderBy(tickets.number));
    expect(received.map((t) => [t.subject, t.heldReason])).toEqual([
      ["Printer", null],
      ["Wire transfer", "spam"],
    ]);
    const log = await inDesk(desk, (tx) => tx.select({ messageId: mailMessages.messageId, auth: mailMessages.authResults, spam: mailMessages.spamReason }).from(mailMessages).where(eq(mailMessages.direction, "in")));
    expect(log.find((m) => m.messageId === "<smtp2@forged.example>")).toMatchObject({ auth: { dmarc: "fail", spf: "fail" }, spam: "DMARC: fail" });
  });

  it("signs outgoing mail with DKIM that a verifier accepts", async () => {
    const desk = await readyDesk(database.db, "trip-dkim", ["Support"]);
    await answeredTicket(desk);
    const sink = await startSmtpSink();
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true });
    try {
      await inDesk(desk, (tx) => tx.update(outbox).set({ status: "queued" }));
      expect((await unsafeDeliverDueMail(database.db, { transport })).sent).toBeGreaterThanOrEqual(1);
    } finally {
      transport.close();
      await sink.close();
    }
    const message = sink.received.find((m) => m.toString().includes("Try turning it off and on."))!;
    expect(message.toString()).toMatch(/^DKIM-Signature: .*d=mail\.deskhand\.test/im);
    const resolver = async (name: string, type: string) => {
      if (type === "TXT" && name === `vitest._domainkey.${domain}`) return [[`v=DKIM1; k=rsa; p=${process.env.DKIM_TEST_PUBLIC_KEY}`]];
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    const verdict = await authenticate(message, { ip: "127.0.0.1", helo: "localhost", sender: `${desk.slug}@${domain}`, resolver, disableArc: true, disableBimi: true });
    expect(verdict.dkim?.results?.[0]?.status?.result).toBe("pass");
  });

  it("acknowledges a widget request with none of the visitor's words but a neutralised subject, at most three a day per address", async () => {
    const desk = await readyDesk(database.db, "trip-ack", ["Support"]);
    const settings = await desk.owner.widget.settings({ desk: desk.slug });
    const submit = (n: number) =>
      submitFromWidget(
        database.db,
        settings.publicKey,
        widgetSubmission.parse({ email: "victim@example.com", name: "Your bank: verify at http://evil.example", subject: `Account locked ${n}\nvisit www.evil.example/login now`, message: "Click https://evil.example/reset to unlock your account." }),
        [],
        { ip: `198.51.100.${n}` },
      );
    for (let n = 1; n <= 4; n++) await submit(n);
    const acks = await inDesk(desk, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.received")));
    expect(acks).toHaveLength(3);
    for (const ack of acks) {
      const text = `${ack.subject}\n${ack.textBody}\n${ack.htmlBody ?? ""}`;
      expect(text).not.toMatch(/evil\.example|Your bank|Click/);
      expect(ack.subject).not.toMatch(/[\r\n]/);
      expect(ack.subject).toContain("Account locked");
    }
  });
});
