import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import { cutText, storableText as clean } from "@/lib/text-input";
import { sortParts } from "./attachments";
import { automatic, spamVerdict } from "./automatic";
import { htmlToText } from "./html-text";
import { stripQuoted } from "./quotes";

export { stripQuoted };

/** A part of a message kept as a file: attached, or inline (an image the HTML shows by its cid). */
export type MailAttachment = { fileName: string; contentType: string; bytes: Uint8Array; contentId: string | null; inline: boolean };

/** A part kept out of the ticket, with why (the message itself is still imported). */
export type WithheldPart = { fileName: string; reason: "blocked" | "empty" | "tooMany" | "contentRefused" | "contentMismatch" | "tooLarge" };

export type IncomingMail = {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: string;
  fromName: string;
  /** Addresses in To and Cc, lowercased (the desk's own among them). */
  to: string[];
  cc: string[];
  subject: string;
  /** What the sender wrote, without the quoted history of earlier messages; paragraphs, lists and tables kept. */
  text: string;
  /** The whole text, quoted history included: one click away on the ticket. */
  fullText: string;
  /** The HTML as it was sent (sanitised only when shown), or null for plain-text mail. */
  html: string | null;
  auto: "auto_reply" | "bounce" | null;
  /** The receiving server's spam verdict (X-Spam-Flag, X-Spam-Status, rspamd), when it gave one. */
  spamVerdict: string | null;
  attachments: MailAttachment[];
  withheld: WithheldPart[];
};

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value).map((a) => (a.address ?? "").trim().toLowerCase()).filter(Boolean);

const firstAddress = (value: AddressObject | AddressObject[] | undefined) => {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const first = list.flatMap((a) => a.value)[0];
  return { address: (first?.address ?? "").trim().toLowerCase(), name: (first?.name ?? "").trim() };
};

/**
 * Parses a raw RFC 822 message with mailparser (every charset real mail uses: UTF-8,
 * windows-1251, KOI8-R, ISO-8859-x…). HTML-only mail becomes text (htmlToText); quoted history is
 * cut (stripQuoted); parts are sorted into kept and withheld files (sortParts). A message without a
 * Message-ID gets one from its bytes, so importing it twice is still recognised. Text Postgres
 * cannot store (a NUL, half of a surrogate pair left by a cut) is removed: mail is never refused
 * for it.
 */
export async function parseMail(raw: Buffer): Promise<IncomingMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipHtmlToText: true });
  const { address, name } = firstAddress(parsed.from);
  const html = typeof parsed.html === "string" ? parsed.html : null;
  // Quote stripping reads at most what is stored of the whole text.
  const body = cutText(clean(parsed.text?.trim() ? parsed.text : html ? htmlToText(html) : ""), 200_000);
  const parts = await sortParts(parsed.attachments, html);
  const references = Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [];
  return {
    messageId: clean(parsed.messageId?.trim() ?? "") || `<${createHash("sha256").update(raw).digest("hex")}@deskhand.invalid>`,
    inReplyTo: clean(parsed.inReplyTo?.trim() ?? "") || null,
    references: references.map((r) => clean(r.trim())).filter(Boolean).slice(-50),
    from: clean(address),
    fromName: cutText(clean(name), 120),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: cutText(clean((parsed.subject ?? "").trim()), 200),
    text: cutText(clean(stripQuoted(body)), 50_000),
    fullText: body,
    html,
    auto: automatic(parsed, address),
    spamVerdict: spamVerdict(parsed),
    attachments: parts.attachments,
    withheld: parts.withheld,
  };
}
