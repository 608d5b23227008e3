import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DeskError } from "@/server/errors";
import type { Actor } from "@/server/kernel/actor";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { unsafeFindDeskAccess } from "../tenancy/member";
import { tickets } from "../tickets/schema";
import { widgetSubmission } from "../widget/inputs";
import { submitFromWidget } from "../widget/submit";
import { files } from "./schema";
import { storeUpload } from "./service";
import { withTenant } from "@/server/tenancy/scope";
import { fileForDownload } from "../tickets/attachments";

const database = openTestDatabase();

async function actorOf(slug: string, userId: string): Promise<Actor> {
  const found = (await unsafeFindDeskAccess(database.db, slug, userId))!;
  return { tenantId: found.tenantId, userId, membershipId: found.membershipId, access: found.access, ip: null };
}
const bytes = (text: string) => new TextEncoder().encode(text);
const join = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((part) => [...(typeof part === "string" ? bytes(part) : part)]));

// The smallest headers file-type recognises, and what a browser would sniff as a page.
const png = join([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const jpeg = join([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF", [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);
const pdf = bytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const exe = join("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const elf = join([0x7f], "ELF", [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0]);
const wordDocument = join([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(1016));
const script = "<script>fetch('/api/trpc/staff.invite')</script>";
// A valid JPEG whose comment segment is a script: an image to file-type, a page to a sniffing browser.
const polyglotJpeg = join(jpeg.subarray(0, 20), [0xff, 0xfe, 0, script.length + 2], script, [0xff, 0xd9]);
const utf16Page = join([0xff, 0xfe], new Uint8Array(Buffer.from("<html><body>hi</body></html>", "utf16le")));
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
      storeUpload(tx, owner, { fileName: "\u200bscreen shot.png", contentType: "image/png", bytes: png }),
    );
    expect(stored).toMatchObject({ fileName: "screen shot.png", size: png.byteLength });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, kind: "reply", body: "See attached", expectedVersion: 1, attachmentIds: [stored.id] });
    const view = await desk.owner.tickets.get({ desk: desk.slug, ticketId: ticket.id });
    expect(view.messages[1]!.attachments.map((a) => a.fileName)).toEqual(["screen shot.png"]);

    const download = await withTenant(database.db, desk.tenantId, (tx) => fileForDownload(tx, owner, stored.id));
    expect(new Uint8Array(download.bytes)).toEqual(png);
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

describe("an upload's content against its name", () => {
  type Case = { name: string; holding: string; content: Uint8Array; outcome: { stored: string; type: string } | { refused: "file.contentRefused" | "file.contentMismatch" } };
  const cases: Case[] = [
    // (a) what a browser would sniff as a page, whatever the name says
    { name: "report.pdf", holding: "an HTML page", content: bytes("<!DOCTYPE html><html><body>Invoice</body></html>"), outcome: { refused: "file.contentRefused" } },
    { name: "notes.txt", holding: "a BOM, whitespace and a script", content: bytes(`\ufeff \r\n\t${script}`), outcome: { refused: "file.contentRefused" } },
    { name: "chart.png", holding: "an SVG after spaces", content: bytes('  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), outcome: { refused: "file.contentRefused" } },
    { name: "feed.txt", holding: "XML with an XHTML script", content: bytes('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'), outcome: { refused: "file.contentRefused" } },
    { name: "frame.log", holding: "an IFRAME after a newline", content: bytes("\n<IFRAME src=https://evil.example>"), outcome: { refused: "file.contentRefused" } },
    { name: "page.txt", holding: "an HTML page in UTF-16", content: utf16Page, outcome: { refused: "file.contentRefused" } },
    { name: "photo.jpg", holding: "a JPEG with a script in its comment", content: polyglotJpeg, outcome: { refused: "file.contentRefused" } },
    // (b) a program under any name
    { name: "photo.jpg", holding: "a Windows program", content: exe, outcome: { refused: "file.contentRefused" } },
    { name: "tool.bin", holding: "a Linux program", content: elf, outcome: { refused: "file.contentRefused" } },
    // (c) a known format under another name: the detected type, the extension replaced
    { name: "photo.jpg", holding: "a PNG", content: png, outcome: { stored: "photo.png", type: "image/png" } },
    { name: "report.pdf", holding: "a JPEG", content: jpeg, outcome: { stored: "report.jpg", type: "image/jpeg" } },
    { name: "scan", holding: "a PDF", content: pdf, outcome: { stored: "scan.pdf", type: "application/pdf" } },
    { name: "photo.JPEG", holding: "a JPEG", content: jpeg, outcome: { stored: "photo.JPEG", type: "image/jpeg" } },
    { name: "minutes.doc", holding: "a Word 97 document", content: wordDocument, outcome: { stored: "minutes.doc", type: "application/x-cfb" } },
    { name: "invoice.pdf", holding: "a PDF", content: pdf, outcome: { stored: "invoice.pdf", type: "application/pdf" } },
    // (d) nothing detected under the name of a format that always is
    { name: "report.pdf", holding: "a letter", content: bytes("Dear customer, your invoice is attached."), outcome: { refused: "file.contentMismatch" } },
    { name: "screenshot.png", holding: "text", content: bytes("not really a picture"), outcome: { refused: "file.contentMismatch" } },
    { name: "archive.zip", holding: "text", content: bytes("hello"), outcome: { refused: "file.contentMismatch" } },
    // (e) text as it came; markup only counts at the start, and "<a" must end like a tag
    { name: "notes.txt", holding: "text with markup inside", content: bytes("Price: 5 <b>bold</b> <script> in the middle is text"), outcome: { stored: "notes.txt", type: "text/plain" } },
    { name: "list.txt", holding: "text starting with an angle bracket", content: bytes("<address list>\nann@example.com"), outcome: { stored: "list.txt", type: "text/plain" } },
    { name: "data.csv", holding: "CSV", content: bytes("name,email\nAnn,ann@example.com\n"), outcome: { stored: "data.csv", type: "text/plain" } },
    { name: "message.eml", holding: "an e-mail", content: bytes("From: ann@example.com\r\nSubject: Hi\r\n\r\nHello"), outcome: { stored: "message.eml", type: "text/plain" } },
  ];

  it.each(cases)("$name holding $holding", async ({ name, content, outcome }) => {
    const desk = await deskForContent();
    const owner = await actorOf(desk.slug, desk.userId);
    const store = withTenant(database.db, desk.tenantId, (tx) => storeUpload(tx, owner, { fileName: name, contentType: "text/plain", bytes: content }));
    if ("refused" in outcome) {
      const error = await refusal(store);
      expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: outcome.refused, params: { name } });
      return;
    }
    const stored = await store;
    expect(stored).toMatchObject({ fileName: outcome.stored, contentType: outcome.type, size: content.byteLength });
    const [row] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(files).where(eq(files.id, stored.id)));
    expect(row).toMatchObject({ fileName: outcome.stored, contentType: outcome.type });
  });

  it("refuses a page from a visitor's widget upload with a message naming the file, and stores no ticket", async () => {
    const desk = await deskForContent();
    const { publicKey } = await desk.owner.widget.settings({ desk: desk.slug });
    const visitor = widgetSubmission.parse({ name: "Val", email: "val@example.com", message: "See the invoice" });
    const page = { fileName: "invoice.pdf", contentType: "application/pdf", bytes: bytes("<html><script>alert(1)</script>") };
    const error = await refusal(submitFromWidget(database.db, publicKey, visitor, [page], { ip: null }));
    expect(error).toMatchObject({ messageKey: "file.contentRefused", params: { name: "invoice.pdf" } });
    expect(await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(tickets))).toHaveLength(0);
  });
});

let contentDesk: Awaited<ReturnType<typeof readyDesk>> | null = null;
async function deskForContent() {
  contentDesk ??= await readyDesk(database.db, "files-content", ["Support"]);
  return contentDesk;
}
