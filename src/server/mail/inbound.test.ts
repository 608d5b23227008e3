import iconv from "iconv-lite";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { ticketMessages, tickets } from "../tickets/schema";
import { importMail } from "./inbound";
import { stripQuoted } from "./parse";
import { mailFailures } from "./schema";
import { outbox } from "../outbox/schema";
import { withTenant } from "@/server/tenancy/scope";
import { unsafeFindInboundDesk } from "../tenancy/public";
import { ensureMailSettings } from "./settings";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;

/** A raw RFC 822 message as a mail server would post it. */
function raw(headers: Record<string, string>, body: string | Buffer, charset = "utf-8") {
  const head = Object.entries({ "MIME-Version": "1.0", "Content-Type": `text/plain; charset=${charset}`, "Content-Transfer-Encoding": "8bit", ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n");
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), typeof body === "string" ? Buffer.from(body) : body]);
}
const mail = (desk: Desk, headers: Record<string, string>, body: string | Buffer, charset?: string) =>
  importMail(database.db, desk.tenantId, raw({ To: "support@desk.example", Date: new Date().toUTCString(), ...headers }, body, charset));
const messagesOf = (desk: Desk, number: number) =>
  withTenant(database.db, desk.tenantId, async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.number, number));
    return tx.select({ kind: ticketMessages.kind, body: ticketMessages.body }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket!.id)).orderBy(ticketMessages.id);
  });

describe("incoming mail", () => {
  it("opens a ticket, threads replies by Message-ID and by subject tag, and imports the same message once", async () => {
    const desk = await readyDesk(database.db, "mail-thread", ["Support"]);
    const key = (await withTenant(database.db, desk.tenantId, (tx) => ensureMailSettings(tx, desk.tenantId))).inboundKey;
    expect(await unsafeFindInboundDesk(database.db, key)).toBe(desk.tenantId);
    const first = raw({ From: "Pat <pat@example.com>", Subject: "Printer offline", "Message-ID": "<m1@example.com>" }, "The printer is offline again.");
    expect(await importMail(database.db, desk.tenantId, first)).toEqual({ outcome: "new_ticket", ticketNumber: 1001 });
    expect(await importMail(database.db, desk.tenantId, first)).toEqual({ outcome: "duplicate" });

    // Our confirmation went out with a Message-ID; the customer's reply names it.
    const [confirmation] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.received")));
    expect(confirmation!.messageId).toMatch(/^<.+@.+>$/);
    expect(confirmation!.inReplyTo).toBe("<m1@example.com>");
    expect(await mail(desk, { From: "pat@example.com", Subject: "Re: Printer offline", "Message-ID": "<m2@example.com>", "In-Reply-To": confirmation!.messageId! }, "Still offline.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@desk.example> wrote:\n> We received your request")).toEqual({ outcome: "appended", ticketNumber: 1001 });
    // By the subject tag, from the same requester; a stranger using the tag gets a ticket of their own.
    const tag = `[${desk.slug.toUpperCase()}-1001]`;
    expect(await mail(desk, { From: "pat@example.com", Subject: `Re: ${tag} Printer offline`, "Message-ID": "<m3@example.com>" }, "Any news?")).toEqual({ outcome: "appended", ticketNumber: 1001 });
    expect(await mail(desk, { From: "mallory@example.com", Subject: `Re: ${tag} Printer offline`, "Message-ID": "<m4@example.com>", "In-Reply-To": "<m1@example.com>" }, "Close this please")).toEqual({ outcome: "new_ticket", ticketNumber: 1002 });
    expect((await messagesOf(desk, 1001)).map((m) => m.body)).toEqual(["The printer is offline again.", "Still offline.", "Any news?"]);
  });

  it("never opens tickets for auto-replies or its own mail, and notes a bounce on the ticket it concerns", async () => {
    const desk = await readyDesk(database.db, "mail-loops", ["Support"]);
    const ticket = await fileTicket(desk, { email: "gone@example.com" });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "Here is the answer.", expectedVersion: 1 });
    const [sent] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.reply")));
    expect(await mail(desk, { From: "gone@example.com", Subject: "Out of office", "Auto-Submitted": "auto-replied", "Message-ID": "<ooo@example.com>" }, "I am away.")).toEqual({ outcome: "auto_reply" });
    expect(await mail(desk, { From: "list@example.com", Subject: "Newsletter", Precedence: "bulk", "Message-ID": "<news@example.com>" }, "News")).toEqual({ outcome: "auto_reply" });
    expect(await mail(desk, { From: "Deskhand <no-reply@deskhand.localhost>", Subject: "Loop?", "Message-ID": "<own@example.com>" }, "Our own")).toEqual({ outcome: "own_address" });
    expect(await mail(desk, { From: "MAILER-DAEMON@mx.example.com", Subject: "Undelivered Mail Returned to Sender", "Message-ID": "<bounce@mx.example.com>" }, `Delivery failed.\n\nMessage-ID: ${sent!.messageId}\n`)).toEqual({ outcome: "bounce", ticketNumber: ticket.number });
    const messages = await messagesOf(desk, ticket.number);
    expect(messages.at(-1)).toMatchObject({ kind: "note" });
    expect(messages.at(-1)!.body).toContain("Delivery failure");
    const count = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(tickets));
    expect(count).toHaveLength(1);
  });

  it("decodes windows-1251 and KOI8-R mail and keeps a message it cannot import", async () => {
    const desk = await readyDesk(database.db, "mail-charsets", ["Поддержка"]);
    const text = "Здравствуйте! Не работает принтер.";
    expect((await mail(desk, { From: "ivan@example.ru", Subject: "=?windows-1251?B?" + iconv.encode("Принтер", "win1251").toString("base64") + "?=", "Message-ID": "<w@example.ru>" }, iconv.encode(text, "win1251"), "windows-1251")).outcome).toBe("new_ticket");
    expect((await mail(desk, { From: "olga@example.ru", Subject: "Koi", "Message-ID": "<k@example.ru>" }, iconv.encode(text, "koi8-r"), "koi8-r")).outcome).toBe("new_ticket");
    expect((await messagesOf(desk, 1001))[0]!.body).toBe(text);
    expect((await messagesOf(desk, 1002))[0]!.body).toBe(text);
    const subjects = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ subject: tickets.subject }).from(tickets).orderBy(tickets.number));
    expect(subjects[0]!.subject).toBe("Принтер");
    expect(await importMail(database.db, desk.tenantId, Buffer.from("Subject: no sender\r\n\r\nHello"))).toEqual({ outcome: "failed" });
    const failures = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailFailures));
    expect(failures.map((f) => f.error)).toEqual(["The message has no sender address."]);
  });

  it("gives out the forwarding address only with the Mail integration option", async () => {
    const desk = await readyDesk(database.db, "mail-option", ["Support"]);
    expect(await desk.owner.mail.inbound({ desk: desk.slug })).toMatchObject({ enabled: false, address: null });
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["mail"] });
    expect((await desk.owner.mail.inbound({ desk: desk.slug })).address).toMatch(/\/api\/mail\/inbound\/[A-Za-z0-9_-]{32}$/);
  });

  it("strips quoted history in English and Russian", () => {
    expect(stripQuoted("Thanks, it works.\n\nOn Mon, 23 Nov 2026, Ann <ann@x.com> wrote:\n> Try again")).toBe("Thanks, it works.");
    expect(stripQuoted("Спасибо, помогло.\n\n23.11.2026, 10:00, Анна пишет:\n> Попробуйте снова")).toBe("Спасибо, помогло.");
    expect(stripQuoted("See below.\n\n-----Original Message-----\nFrom: Ann\nSent: Monday\nSubject: Re")).toBe("See below.");
    expect(stripQuoted("Fine.\n\nFrom: Ann <ann@x.com>\nSent: Monday, 23 November 2026\nTo: me")).toBe("Fine.");
    expect(stripQuoted("Line one\n> quoted\n> more")).toBe("Line one");
    expect(stripQuoted("> only a quote")).toBe("> only a quote");
  });
});
