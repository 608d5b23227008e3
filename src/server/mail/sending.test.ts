import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { callerAs } from "@/test/callers";
import { fileTicket } from "@/test/tickets";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { withTenant } from "@/server/tenancy/scope";
import { env } from "@/env";
import { outbox } from "../outbox/schema";
import { unsafeDeliverDueMail } from "../outbox/outbox";
import { importMail } from "./inbound";
import { mailSettings } from "./schema";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;

// A desk's own SMTP server on loopback: it refuses recipients until told otherwise.
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ refusal: "4.7.1 try again later" });
});
afterAll(() => sink.close());

const confirmation = (desk: Desk) =>
  withTenant(database.db, desk.tenantId, async (tx) => (await tx.select().from(outbox).where(eq(outbox.kind, "sending.confirm")).orderBy(outbox.createdAt)).at(-1)!);
const tokenOf = (text: string) => /\/confirm-sender\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

async function deskWithMail(slug: string) {
  const desk = await readyDesk(database.db, slug, ["Support"]);
  await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["mail"] });
  return desk;
}

describe("the desk's own sending address", () => {
  it("is used only once its mailed link is confirmed, then mail goes through the desk's SMTP server, which may refuse and later accept", async () => {
    const desk = await deskWithMail("send-own");
    const public_ = await callerAs(database.db);
    await desk.owner.mail.saveSenderName({ desk: desk.slug, senderName: "Acme Support" });
    await desk.owner.mail.requestSendingAddress({ desk: desk.slug, address: "Support@Acme.example" });
    const mail = await confirmation(desk);
    expect(mail.toAddress).toBe("support@acme.example");
    expect(await desk.owner.mail.sending({ desk: desk.slug })).toMatchObject({ address: "support@acme.example", verified: false, senderName: "Acme Support" });

    // Unproven: the desk still sends from its platform address.
    const first = await fileTicket(desk, { email: "pat@example.com" });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: first.id, kind: "reply", body: "Before.", expectedVersion: first.version });
    const before = await withTenant(database.db, desk.tenantId, async (tx) => (await tx.select().from(outbox).where(eq(outbox.kind, "ticket.reply")))[0]!);
    expect(before).toMatchObject({ fromAddress: `${desk.slug}@${env.INBOUND_MAIL_DOMAIN}`, fromName: "Acme Support" });

    await expect(public_.mail.confirmSendingAddress({ token: "not-a-token" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await public_.mail.confirmSendingAddress({ token: tokenOf(mail.textBody) })).toEqual({ address: "support@acme.example", desk: desk.slug });
    await expect(public_.mail.confirmSendingAddress({ token: tokenOf(mail.textBody) })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Its own server: plain SMTP is only for a server on the platform's own network; loopback is one here.
    await desk.owner.mail.saveSmtp({ desk: desk.slug, host: "127.0.0.1", port: sink.port, security: "none", username: "", password: "" });
    await withTenant(database.db, desk.tenantId, (tx) => tx.update(outbox).set({ status: "sent" }));
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: first.id, kind: "reply", body: "Through your server.", expectedVersion: first.version + 1, setStatus: "pending" });
    const queued = await withTenant(database.db, desk.tenantId, async (tx) => tx.select().from(outbox).where(eq(outbox.status, "queued")));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ fromAddress: "support@acme.example" });

    expect(await unsafeDeliverDueMail(database.db)).toMatchObject({ sent: 0, failed: 1 });
    expect((await desk.owner.mail.sending({ desk: desk.slug })).smtp?.lastError).toMatch(/try again later/);
    sink.refusal = null;
    await withTenant(database.db, desk.tenantId, (tx) => tx.update(outbox).set({ nextAttemptAt: null }));
    expect(await unsafeDeliverDueMail(database.db)).toMatchObject({ sent: 1, failed: 0 });
    const delivered = await simpleParser(sink.received.at(-1)!);
    expect(delivered.from?.value[0]).toMatchObject({ address: "support@acme.example", name: "Acme Support" });
    expect(delivered.replyTo?.value[0]?.address).toMatch(new RegExp(`^${desk.slug}\\+t${first.number}-`));
    expect((await desk.owner.mail.sending({ desk: desk.slug })).smtp?.lastError).toBeNull();

    expect(await desk.owner.mail.testSmtp({ desk: desk.slug })).toEqual({ sent: true });
    expect((await simpleParser(sink.received.at(-1)!)).subject).toContain("Test mail");
  });

  it("is confirmed when the confirmation mail comes back through the desk's own address", async () => {
    const desk = await deskWithMail("send-forward");
    await desk.owner.mail.requestSendingAddress({ desk: desk.slug, address: "help@forwarding.example" });
    const mail = await confirmation(desk);
    const raw = Buffer.from(
      [`From: ${mail.fromName} <${mail.fromAddress}>`, "To: help@forwarding.example", `Subject: ${mail.subject}`, "Message-ID: <fwd1@forwarding.example>", "Content-Type: text/plain; charset=utf-8", "", mail.textBody].join("\r\n"),
    );
    expect((await importMail(database.db, desk.tenantId, raw)).outcome).toBe("own_address");
    expect(await desk.owner.mail.sending({ desk: desk.slug })).toMatchObject({ address: "help@forwarding.example", verified: true });
  });

  it("refuses bad input, plain SMTP to the internet, other desks and staff without the settings right", async () => {
    const desk = await deskWithMail("send-guard");
    const other = await deskWithMail("send-guard-other");
    await expect(desk.owner.mail.requestSendingAddress({ desk: desk.slug, address: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(desk.owner.mail.saveSmtp({ desk: desk.slug, host: "127.0.0.1", port: sink.port, security: "none", username: "", password: "" })).rejects.toMatchObject({ message: "sending.addressFirst" });
    await desk.owner.mail.requestSendingAddress({ desk: desk.slug, address: "help@guard.example" });
    await expect(desk.owner.mail.saveSmtp({ desk: desk.slug, host: "93.184.216.34", port: 25, security: "none", username: "me", password: "secret" })).rejects.toMatchObject({ message: "sending.tlsRequired" });
    await expect(desk.owner.mail.saveSenderName({ desk: desk.slug, senderName: "x".repeat(81) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(other.owner.mail.sending({ desk: desk.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@send-guard.example" });
    await expect(agent.mail.sending({ desk: desk.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.mail.requestSendingAddress({ desk: desk.slug, address: "x@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [settings] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailSettings));
    expect(settings).toMatchObject({ sendingAddress: "help@guard.example", sendingAddressVerifiedAt: null, smtpHost: null, sendingMode: "platform" });
  });
});
