import { describe, expect, it } from "vitest";
import { withTenant } from "@/server/db/tenant";
import { DeskError } from "@/server/errors";
import type { Actor } from "@/server/staff/actor";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { unsafeFindDeskAccess } from "../desks/access";
import { fileForDownload, storeUpload } from "./service";

const database = openTestDatabase();

async function actorOf(slug: string, userId: string): Promise<Actor> {
  const found = (await unsafeFindDeskAccess(database.db, slug, userId))!;
  return { tenantId: found.tenantId, userId, membershipId: found.membershipId, access: found.access, ip: null };
}
const bytes = (text: string) => new TextEncoder().encode(text);
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe("attachments", () => {
  it("are stored under generated keys, attached on reply, and downloaded only by those who may see the ticket", async () => {
    const desk = await readyDesk(database.db, "files-desk", ["Support", "Payments"]);
    const other = await readyDesk(database.db, "files-other", ["Support"]);
    const { member: agentMember } = await inviteAndJoin(database.db, desk, { email: "payments@files.test", grants: { [desk.departmentIds.Payments!]: "manage" } });
    const owner = await actorOf(desk.slug, desk.userId);
    const ticket = await fileTicket(desk);
    const stored = await withTenant(database.db, desk.tenantId, (tx) =>
      storeUpload(tx, owner, { fileName: "\u200bscreen shot.png", contentType: "image/png", bytes: bytes("png bytes") }),
    );
    expect(stored).toMatchObject({ fileName: "screen shot.png", size: 9 });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "See attached", expectedVersion: 1, attachmentIds: [stored.id] });
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages[1]!.attachments.map((a) => a.fileName)).toEqual(["screen shot.png"]);

    const download = await withTenant(database.db, desk.tenantId, (tx) => fileForDownload(tx, owner, stored.id));
    expect(download.bytes.toString()).toBe("png bytes");
    const agent = await actorOf(desk.slug, agentMember.userId);
    expect((await refusal(withTenant(database.db, desk.tenantId, (tx) => fileForDownload(tx, agent, stored.id)))).code).toBe("NOT_FOUND");
    const stranger = await actorOf(other.slug, other.userId);
    expect((await refusal(withTenant(database.db, other.tenantId, (tx) => fileForDownload(tx, stranger, stored.id)))).code).toBe("NOT_FOUND");
  });

  it("refuses programs, pages, empty and over-large files, and someone else's upload", async () => {
    const desk = await readyDesk(database.db, "files-refuse", ["Support"]);
    const owner = await actorOf(desk.slug, desk.userId);
    for (const name of ["\u200b.htaccess", "invoice.svg", "setup.exe", "index.html"]) {
      const error = await refusal(withTenant(database.db, desk.tenantId, (tx) => storeUpload(tx, owner, { fileName: name, contentType: "text/plain", bytes: bytes("x") })));
      expect(error.messageKey, name).toBe("file.blocked");
    }
    expect((await refusal(withTenant(database.db, desk.tenantId, (tx) => storeUpload(tx, owner, { fileName: "a.txt", contentType: "text/plain", bytes: new Uint8Array() })))).messageKey).toBe("file.empty");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect((await refusal(withTenant(database.db, desk.tenantId, (tx) => storeUpload(tx, owner, { fileName: "big.zip", contentType: "application/zip", bytes: big })))).messageKey).toBe("file.tooLarge");

    const { member } = await inviteAndJoin(database.db, desk, { email: "uploader@files.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    const agent = await actorOf(desk.slug, member.userId);
    const mine = await withTenant(database.db, desk.tenantId, (tx) => storeUpload(tx, agent, { fileName: "notes.txt", contentType: "text/plain", bytes: bytes("notes") }));
    const ticket = await fileTicket(desk);
    const error = await desk.owner.tickets
      .reply({ desk: desk.slug, ticketId: ticket.id, kind: "note", body: "taking it", expectedVersion: 1, attachmentIds: [mine.id] })
      .then(() => null, (e: unknown) => e);
    expect((error as Error).message).toBe("file.notFound");
    expect((await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id })).messages).toHaveLength(1);
  });
});
