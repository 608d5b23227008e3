import { unsafeDeskScope } from "../tenancy/platform";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, type ZodError } from "zod";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { dovecotInstalled, startImapServer, type ImapTestServer } from "@/test/imap-server";
import { newId } from "../db/columns";
import { writeStoredFile } from "../files/storage";
import { ticketMessages, tickets } from "../tickets/schema";
import { env } from "@/env";
import { DeskError } from "../errors";
import { isPrivateAddress, resolvePublicAddress } from "../net/public-address";
import { importMail } from "./inbound";
import { pollAllMailboxes, pollMailbox } from "./mailbox-poll";
import { mailboxes, mailFailures } from "./schema";
import { mailMessages } from "../outbox/schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;

// The IMAP tests need a real IMAP server: Debian's dovecot-imapd, which .ci/run installs. On a
// machine without it they cannot run; in CI its absence is a failure, not a skip.
if (!dovecotInstalled && process.env.CI) throw new Error("dovecot-imapd is not installed: .ci/run installs it (apt-get install dovecot-imapd).");

const message = (from: string, subject: string, id: string, body: string, extra = "") =>
  `From: ${from}\r\nTo: support@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nDate: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n${extra}\r\n${body}\r\n`;

async function deskWithMailbox(slug: string, server: ImapTestServer, user: string) {
  const desk = await readyDesk(database.db, slug, ["Support", "Sales"]);
  await desk.owner.billing.changePlan({ desk: slug, planId: "pro", options: [] });
  const connection = { host: "127.0.0.1", port: server.port, secure: false, username: user, password: "secret" };
  const { folders } = await desk.owner.mail.testMailbox({ desk: slug, ...connection });
  expect(folders).toContain("INBOX");
  const { id } = await desk.owner.mail.saveMailbox({ desk: slug, ...connection, address: user, folder: "INBOX", departmentId: desk.departmentIds.Sales!, enabled: true });
  return { desk, mailboxId: id };
}

const ticketsOf = (desk: Desk) =>
  withTenant(database.db, desk.tenantId, (tx) => tx.select({ number: tickets.number, subject: tickets.subject, departmentId: tickets.departmentId }).from(tickets).orderBy(tickets.number));

// Skipped only where Debian's dovecot-imapd is not installed (a developer machine); CI installs it
// and fails above if it is missing.
describe.skipIf(!dovecotInstalled)("IMAP mailboxes (against a local Dovecot)", () => {
  let server: ImapTestServer;
  beforeAll(async () => {
    server = await startImapServer(["support@acme.test", "help@other.test", "wrong@acme.test"]);
  });
  afterAll(() => server?.stop());

  it("turns a message put in the mailbox into a ticket once, marks it seen, and threads the reply", async () => {
    // Mail read in the mail client before the mailbox was connected is not imported.
    await server.deliver("support@acme.test", message("old@example.com", "Old news", "old@example.com", "Read long ago"));
    await server.markAllSeen("support@acme.test");
    const { desk, mailboxId } = await deskWithMailbox("imap-desk", server, "support@acme.test");
    await server.deliver("support@acme.test", message("pat@example.com", "Printer offline", "p1@example.com", "The printer is offline."));
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 1, failed: 0 });
    const after = await ticketsOf(desk);
    expect(after.map((t) => t.subject)).toEqual(["Printer offline"]);
    // The mailbox's department, not the desk's default.
    expect(after.every((t) => t.departmentId === desk.departmentIds.Sales)).toBe(true);
    expect([...(await server.flags("support@acme.test")).values()].every((f) => f.has("\\Seen"))).toBe(true);

    // Polling again imports nothing; a reply and a new message arrive and are imported, in order.
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 0, failed: 0 });
    await server.deliver("support@acme.test", message("pat@example.com", "Re: Printer offline", "p2@example.com", "Still offline.", "In-Reply-To: <p1@example.com>\r\n"));
    await server.deliver("support@acme.test", message("kim@example.com", "Invoice", "k1@example.com", "Where is my invoice?"));
    expect(await pollAllMailboxes(database.db)).toMatchObject({ imported: 2, failed: 0, errors: 0 });
    expect((await ticketsOf(desk)).map((t) => t.subject)).toEqual(["Printer offline", "Invoice"]);
    const printer = await withTenant(database.db, desk.tenantId, async (tx) => {
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.subject, "Printer offline"));
      return tx.select({ body: ticketMessages.body }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket!.id)).orderBy(ticketMessages.id);
    });
    expect(printer.map((m) => m.body)).toEqual(["The printer is offline.", "Still offline."]);

    const [state] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailboxes));
    expect(state).toMatchObject({ lastUid: 4, importedCount: 3, lastError: null });
    expect(state!.uidValidity).toBeGreaterThan(0);
  });

  it("imports the same UID and the same message only once, even after its position is lost or two polls overlap", async () => {
    const { desk, mailboxId } = await deskWithMailbox("imap-once", server, "help@other.test");
    await server.deliver("help@other.test", message("ann@example.com", "Hello", "a1@example.com", "Hi there"));
    // Two polls at once: one holds the lease, the other is told the mailbox is busy.
    const both = await Promise.all([pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId), pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)]);
    expect(both.map((r) => r.imported).sort()).toEqual([0, 1]);
    expect(both.some((r) => r.skipped === "busy")).toBe(true);
    // As if the position were lost after the import (a crash, a restore): the UID is read again,
    // recognised by its Message-ID, and no second ticket appears.
    await withTenant(database.db, desk.tenantId, (tx) => tx.update(mailboxes).set({ lastUid: 0 }).where(eq(mailboxes.id, mailboxId)));
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 1, failed: 0 });
    expect(await ticketsOf(desk)).toHaveLength(1);
    const outcomes = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ outcome: mailMessages.outcome }).from(mailMessages).where(eq(mailMessages.direction, "in")));
    expect(outcomes.map((o) => o.outcome)).toEqual(["new_ticket"]);
    // The server renumbers the folder (a new UIDVALIDITY): the old position means nothing, and the
    // poll starts again before the oldest unread message instead of waiting for UIDs past it.
    await withTenant(database.db, desk.tenantId, (tx) => tx.update(mailboxes).set({ uidValidity: 1, lastUid: 5000 }).where(eq(mailboxes.id, mailboxId)));
    await server.deliver("help@other.test", message("ann@example.com", "After the move", "a2@example.com", "Still there?"));
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 1, failed: 0 });
    expect((await ticketsOf(desk)).map((t) => t.subject)).toEqual(["Hello", "After the move"]);
    // A message that cannot be imported is kept in Failed mail, with its mailbox, and the poll moves on.
    await server.deliver("help@other.test", "Subject: no sender\r\nMessage-ID: <x@example.com>\r\n\r\nHello\r\n");
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 0, failed: 1 });
    const failures = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailFailures));
    expect(failures).toMatchObject([{ mailboxId, error: "The message has no sender address.", resolvedAt: null }]);
    expect(await pollMailbox(unsafeDeskScope(database.db, desk.tenantId, "test"), mailboxId)).toEqual({ imported: 0, failed: 0 });
  });

  it("shows a wrong password as the mailbox's error and refuses it in the connection test", async () => {
    const desk = await readyDesk(database.db, "imap-wrong", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    const connection = { host: "127.0.0.1", port: server.port, secure: false, username: "wrong@acme.test", password: "not-it" };
    const refused = await refusal(desk.owner.mail.testMailbox({ desk: desk.slug, ...connection }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("mailbox.connectFailed");
    const { id } = await desk.owner.mail.saveMailbox({ desk: desk.slug, ...connection, address: "wrong@acme.test", folder: "INBOX", departmentId: null, enabled: true });
    const result = await desk.owner.mail.checkMailbox({ desk: desk.slug, id });
    expect(result.error).toMatch(/Authentication failed/i);
    const [listed] = (await desk.owner.mail.mailboxes({ desk: desk.slug })).mailboxes;
    expect(listed!.lastError).toMatch(/Authentication failed/i);
    // The stored password goes only to the server and user it was given for: pointed elsewhere, it must be typed again.
    const elsewhere = await refusal(desk.owner.mail.testMailbox({ desk: desk.slug, id, ...connection, host: "127.0.0.2", password: "" }));
    expect(elsewhere.message).toBe("mailbox.passwordRequired");
    expect((await refusal(desk.owner.mail.saveMailbox({ desk: desk.slug, id, ...connection, username: "other@acme.test", password: "", address: "wrong@acme.test", folder: "INBOX", departmentId: null, enabled: true }))).message).toBe("mailbox.passwordRequired");
    // The password is never sent back, not even encrypted.
    expect(JSON.stringify(listed)).not.toContain("password");
    // Editing with the password left empty keeps the stored one.
    await desk.owner.mail.saveMailbox({ desk: desk.slug, id, ...connection, password: "", address: "wrong@acme.test", folder: "INBOX", departmentId: null, enabled: false });
    const [stored] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailboxes));
    expect(stored!.passwordSecret).toMatch(/^v1\./);
    expect(stored!.passwordSecret).not.toContain("not-it");
    expect(stored!.enabled).toBe(false);
  });
});

describe("mailbox servers on private addresses", () => {
  it("are told apart from public ones, IPv4 written as IPv6 included", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "192.168.0.10", "172.20.0.1", "169.254.169.254", "0.0.0.0", "::1", "::", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "0:0:0:0:0:ffff:a9fe:a9fe", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1", "fec0::1", "fe80::1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["74.125.140.108", "::ffff:4a7d:8c6c", "2a00:1450:4010:c1e::6c"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("are judged by every address their name has, and by what the resolver makes of numeric forms", async () => {
    const names: Record<string, { address: string; family: 4 | 6 }[]> = {
      "mixed.example": [{ address: "74.125.140.108", family: 4 }, { address: "10.0.0.7", family: 4 }],
      "public.example": [{ address: "2a00:1450:4010:c1e::6c", family: 6 }, { address: "74.125.140.108", family: 4 }],
    };
    const lookup = async (host: string) => names[host] ?? [];
    expect(await resolvePublicAddress("mixed.example", { allowPrivate: false, lookup })).toEqual({ ok: false, reason: "private" });
    expect(await resolvePublicAddress("mixed.example", { allowPrivate: true, lookup })).toEqual({ ok: true, address: "74.125.140.108", family: 4 });
    expect(await resolvePublicAddress("public.example", { allowPrivate: false, lookup })).toEqual({ ok: true, address: "2a00:1450:4010:c1e::6c", family: 6 });
    expect(await resolvePublicAddress("nowhere.example", { allowPrivate: false, lookup })).toEqual({ ok: false, reason: "notFound" });
    // The system resolver, as a connection would use it (no network needed for these).
    for (const host of ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "localhost", "[::1]", "::ffff:7f00:1"]) {
      expect(await resolvePublicAddress(host, { allowPrivate: false }), host).toEqual({ ok: false, reason: "private" });
    }
    expect(await resolvePublicAddress("74.125.140.108", { allowPrivate: false })).toEqual({ ok: true, address: "74.125.140.108", family: 4 });
  });

  it("are refused when a mailbox is saved, with the error on the server field, and nothing is stored", async () => {
    const desk = await readyDesk(database.db, "imap-private-hosts", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    const fields = { port: 993, secure: true, username: "u@example.com", password: "pw", address: "help@example.com", folder: "INBOX", departmentId: null, enabled: true };
    const allowed = env.MAILBOX_PRIVATE_HOSTS;
    env.MAILBOX_PRIVATE_HOSTS = false;
    try {
      for (const host of ["127.0.0.1", "169.254.169.254", "::ffff:7f00:1", "2130706433", "0x7f000001", "0177.0.0.1", "localhost", "10.0.0.7", "::1"]) {
        const refused = await refusal(desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields, host }));
        expect(refused.code, host).toBe("BAD_REQUEST");
        expect((refused.cause as DeskError).fields, host).toEqual({ host: "mailbox.hostPrivate" });
      }
    } finally {
      env.MAILBOX_PRIVATE_HOSTS = allowed;
    }
    expect(await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(mailboxes))).toEqual([]);
    expect((await desk.owner.mail.mailboxes({ desk: desk.slug })).mailboxes).toEqual([]);
    // MAILBOX_PRIVATE_HOSTS=true (as on a server reading its own network's mail) lets the same one through.
    await desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields, host: "127.0.0.1" });
    expect((await desk.owner.mail.mailboxes({ desk: desk.slug })).mailboxes.map((m) => m.host)).toEqual(["127.0.0.1"]);
  });
});

describe("mailbox settings", () => {
  it("are for the desk's admins only, with the Mail integration option, and invisible to other desks", async () => {
    const desk = await readyDesk(database.db, "imap-rights", ["Support"]);
    const fields = { host: "imap.example.com", port: 993, secure: true, username: "u@example.com", password: "pw", address: "help@example.com", folder: "INBOX", departmentId: null, enabled: true };
    // On Standard without the option: offered, but disabled.
    expect(await desk.owner.mail.mailboxes({ desk: desk.slug })).toEqual({ enabled: false, mailboxes: [] });
    expect((await refusal(desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields }))).message).toBe("billing.optionMissing");
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: ["mail"] });
    const { id } = await desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields });
    expect((await refusal(desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields }))).code).toBe("CONFLICT");

    const agent = await inviteAndJoin(database.db, desk, { email: "agent@imap-rights.test" });
    expect((await refusal(agent.caller.mail.mailboxes({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.caller.mail.checkMailbox({ desk: desk.slug, id }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.caller.mail.testMailbox({ desk: desk.slug, host: "x.example.com", port: 993, secure: true, username: "u", password: "p" }))).code).toBe("FORBIDDEN");

    const other = await readyDesk(database.db, "imap-other", ["Support"]);
    expect((await refusal(other.owner.mail.mailboxes({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.mail.deleteMailbox({ desk: other.slug, id }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.mail.checkMailbox({ desk: other.slug, id }))).code).toBe("NOT_FOUND");

    // Bad input changes nothing.
    const bad = await refusal(desk.owner.mail.saveMailbox({ desk: desk.slug, ...fields, address: "not an address", host: "bad host!", port: 0 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await desk.owner.mail.mailboxes({ desk: desk.slug })).mailboxes).toHaveLength(1);
    await desk.owner.mail.deleteMailbox({ desk: desk.slug, id });
    expect((await desk.owner.mail.mailboxes({ desk: desk.slug })).mailboxes).toHaveLength(0);
  });

  it("retries a failed message once its cause is gone, and keeps the error when it fails again", async () => {
    const desk = await readyDesk(database.db, "imap-retry", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    const good = `${desk.tenantId}/${newId()}`;
    const bad = `${desk.tenantId}/${newId()}`;
    await writeStoredFile(good, new Uint8Array(Buffer.from(message("lee@example.com", "Lost order", "lost@example.com", "Where is it?"))));
    await writeStoredFile(bad, new Uint8Array(Buffer.from("Subject: still no sender\r\n\r\nHello\r\n")));
    const [first, second] = await withTenant(database.db, desk.tenantId, (tx) =>
      tx
        .insert(mailFailures)
        .values([
          { tenantId: desk.tenantId, rawKey: good, error: "The desk has no department to take mail." },
          { tenantId: desk.tenantId, rawKey: bad, error: "The message has no sender address." },
        ])
        .returning(),
    );
    expect(await desk.owner.mail.retryFailure({ desk: desk.slug, id: first!.id })).toEqual({ outcome: "new_ticket", ticketNumber: 1001 });
    expect(await desk.owner.mail.retryFailure({ desk: desk.slug, id: second!.id })).toEqual({ outcome: "failed", error: "The message has no sender address." });
    const listed = await desk.owner.mail.inbound({ desk: desk.slug });
    expect(listed.failures.map((f) => f.id)).toEqual([second!.id]);
    expect((await refusal(desk.owner.mail.retryFailure({ desk: desk.slug, id: first!.id }))).code).toBe("NOT_FOUND");
    const other = await readyDesk(database.db, "imap-retry-other", ["Support"]);
    expect((await refusal(other.owner.mail.retryFailure({ desk: other.slug, id: second!.id }))).code).toBe("NOT_FOUND");
    await desk.owner.mail.dismissFailure({ desk: desk.slug, id: second!.id });
    expect((await desk.owner.mail.inbound({ desk: desk.slug })).failures).toEqual([]);
  });

  it("follow the desk's incoming-mail rules: its own addresses, the department for forwarded mail, the hourly limit", async () => {
    const desk = await readyDesk(database.db, "imap-rules", ["Support", "Billing"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    const bad = await refusal(desk.owner.mail.saveInboundRules({ desk: desk.slug, defaultDepartmentId: null, ownAddresses: ["not-an-address"], maxNewPerHour: 0 }));
    expect(z.flattenError(bad.cause as ZodError).fieldErrors).toMatchObject({ ownAddresses: ["inboundRules.addressInvalid"], maxNewPerHour: ["inboundRules.limitInvalid"] });
    await desk.owner.mail.saveInboundRules({ desk: desk.slug, defaultDepartmentId: desk.departmentIds.Billing!, ownAddresses: ["Team@Desk.Example"], maxNewPerHour: 1 });
    expect((await desk.owner.mail.inbound({ desk: desk.slug })).rules).toEqual({ defaultDepartmentId: desk.departmentIds.Billing, ownAddresses: ["team@desk.example"], maxNewPerHour: 1 });
    const post = (from: string, id: string) => importMail(database.db, desk.tenantId, Buffer.from(message(from, `Hello ${id}`, id, "Hi")));
    expect(await post("team@desk.example", "own@x")).toEqual({ outcome: "own_address" });
    expect(await post("sam@example.com", "s1@x")).toEqual({ outcome: "new_ticket", ticketNumber: 1001 });
    expect(await post("sam@example.com", "s2@x")).toEqual({ outcome: "new_ticket", ticketNumber: 1002 });
    const rows = await withTenant(database.db, desk.tenantId, (tx) => tx.select({ departmentId: tickets.departmentId, heldReason: tickets.heldReason }).from(tickets).orderBy(tickets.number));
    expect(rows).toEqual([
      { departmentId: desk.departmentIds.Billing, heldReason: null },
      { departmentId: desk.departmentIds.Billing, heldReason: "spam" },
    ]);
    const agent = await inviteAndJoin(database.db, desk, { email: "agent@imap-rules.test" });
    expect((await refusal(agent.caller.mail.saveInboundRules({ desk: desk.slug, defaultDepartmentId: null, ownAddresses: [], maxNewPerHour: 5 }))).code).toBe("FORBIDDEN");
  });
});
