import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/server/db/client";
import { createTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { unsafeDeliverDueMail, enqueueMail } from "./outbox";
import { outbox } from "./schema";
import { withTenant } from "@/server/tenancy/scope";

let database: OpenDatabase;
let sink: SmtpSink;

beforeAll(async () => {
  database = await createTestDatabase();
  // A real SMTP server on loopback that refuses mail until told otherwise.
  sink = await startSmtpSink({ refusal: "mailbox unavailable, try later" });
});
afterAll(async () => {
  await sink.close();
  await database.close();
});

describe("outbox delivery", () => {
  it("keeps mail through an SMTP outage and delivers it once the server accepts", async () => {
    const desk = await readyDesk(database.db, "outbox-retry", ["Support"]);
    // Only the message this test sends (sign-up mailed the owner an address check).
    await database.db.delete(outbox).where(eq(outbox.tenantId, desk.tenantId));
    await withTenant(database.db, desk.tenantId, (tx) =>
      enqueueMail(tx, desk.tenantId, { kind: "test", to: "customer@example.com", subject: "Your ticket", text: "Hello from the outbox" }),
    );
    // Stored without SMTP_URL; a configured instance queues instead. Queue it as such an instance would.
    await database.db.update(outbox).set({ status: "queued" }).where(eq(outbox.tenantId, desk.tenantId));
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true });

    expect(await unsafeDeliverDueMail(database.db, { transport })).toEqual({ sent: 0, failed: 1 });
    let [message] = await database.db.select().from(outbox).where(eq(outbox.tenantId, desk.tenantId));
    expect(message).toMatchObject({ status: "queued", attempts: 1 });
    expect(message!.lastError).toContain("mailbox unavailable");
    expect(message!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: a second run leaves it alone.
    expect(await unsafeDeliverDueMail(database.db, { transport })).toEqual({ sent: 0, failed: 0 });

    sink.refusal = null;
    await database.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outbox.tenantId, desk.tenantId));
    expect(await unsafeDeliverDueMail(database.db, { transport })).toEqual({ sent: 1, failed: 0 });
    [message] = await database.db.select().from(outbox).where(eq(outbox.tenantId, desk.tenantId));
    expect(message).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.toString("utf8")).toContain("Hello from the outbox");
    expect(await unsafeDeliverDueMail(database.db, { transport })).toEqual({ sent: 0, failed: 0 });
  });

  it("shows a desk only its own mail log", async () => {
    const mine = await readyDesk(database.db, "outbox-mine", ["Support"]);
    const theirs = await readyDesk(database.db, "outbox-theirs", ["Support"]);
    await theirs.owner.staff.invite({ desk: theirs.slug, email: "private@theirs.test", name: "Private", role: "agent", grants: {} });
    await mine.owner.staff.invite({ desk: mine.slug, email: "colleague@mine.test", name: "Colleague", role: "agent", grants: {} });
    const log = await mine.owner.mail.outbox({ desk: mine.slug });
    expect(log.messages.map((m) => m.toAddress)).toEqual(["colleague@mine.test"]);
    expect(log.smtpConfigured).toBe(false);
  });
});
