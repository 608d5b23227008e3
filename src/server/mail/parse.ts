import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { markdownToText } from "@/lib/markdown";
import { cutText, storableText as clean } from "@/lib/text-input";

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
 * Machine-written mail that must never open a ticket or get an automatic answer: auto-replies
 * (RFC 3834 Auto-Submitted other than "no", X-Autoreply, Precedence bulk/junk/list/auto_reply,
 * X-Auto-Response-Suppress) and bounces (mailer-daemon/postmaster senders, delivery reports).
 */
export function automatic(parsed: ParsedMail, from: string): IncomingMail["auto"] {
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    return typeof value === "string" ? value.toLowerCase() : value ? String((value as { value?: unknown }).value ?? value).toLowerCase() : "";
  };
  const contentType = header("content-type");
  if (/^(mailer-daemon|postmaster)@/.test(from) || contentType.includes("report-type=delivery-status") || contentType.includes("multipart/report")) return "bounce";
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return "auto_reply";
  if (parsed.headers.has("x-autoreply") || parsed.headers.has("x-autorespond") || parsed.headers.has("x-auto-response-suppress")) return "auto_reply";
  if (["bulk", "junk", "list", "auto_reply"].includes(header("precedence"))) return "auto_reply";
  return null;
}

/** The spam verdict of the server that received the mail first (SpamAssassin, rspamd), if it gave one. */
function spamHeader(parsed: ParsedMail): string | null {
  const value = (name: string) => String(parsed.headers.get(name) ?? "").trim();
  if (/^yes\b/i.test(value("x-spam-flag"))) return "X-Spam-Flag: YES";
  if (/^yes\b/i.test(value("x-spam-status"))) return `X-Spam-Status: ${value("x-spam-status").slice(0, 80)}`;
  if (/^yes\b/i.test(value("x-spam"))) return "X-Spam: Yes";
  if (/^(reject|add header|rewrite subject)$/i.test(value("x-rspamd-action"))) return `rspamd: ${value("x-rspamd-action").toLowerCase()}`;
  return null;
}

/**
 * Cuts the quoted history a mail client appends under a reply: "On … wrote:", "… пишет:",
 * Outlook's "-----Original Message-----" / "From: … Sent: …" block, and trailing "> " lines.
 * The full original stays stored with the message.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const cut = lines.findIndex((line, i) => {
    const trimmed = line.trim();
    if (/^-{2,}\s*(Original Message|Исходное сообщение|Пересланное сообщение|Forwarded message)\s*-{2,}$/i.test(trimmed)) return true;
    if (/^On .{4,200}wrote:$/i.test(trimmed) || /^.{4,200}(пишет|написал|написала)\s*:$/i.test(trimmed)) return true;
    // "On Mon, 23 Nov 2026 at 10:00, Ann <ann@x>" + "wrote:" on the next line.
    if (/^On .{4,200}$/i.test(trimmed) && /^.{0,80}wrote:$/i.test((lines[i + 1] ?? "").trim())) return true;
    if (/^(From|От):\s.+/i.test(trimmed) && /^(Sent|Date|Отправлено|Дата):\s.+/i.test((lines[i + 1] ?? "").trim())) return true;
    return false;
  });
  const kept = (cut >= 0 ? lines.slice(0, cut) : lines).join("\n");
  // Trailing quoted lines ("> …") and the blank lines before them.
  const withoutQuotes = kept.replace(/(\n>[^\n]*)+\s*$/g, "").replace(/^>[^\n]*(\n>[^\n]*)*\s*$/g, "");
  return withoutQuotes.trim() || text.trim();
}

/**
 * Parses a raw RFC 822 message with mailparser (every charset real mail uses: UTF-8,
 * windows-1251, KOI8-R, ISO-8859-x…). HTML-only mail becomes text. A message without a
 * Message-ID gets one from its bytes, so importing it twice is still recognised. Text Postgres
 * cannot store (a NUL, half of a surrogate pair left by a cut) is removed: mail is never refused
 * for it.
 */
export async function parseMail(raw: Buffer): Promise<IncomingMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const { address, name } = firstAddress(parsed.from);
  const body = parsed.text?.trim() ? parsed.text : parsed.html ? markdownToText(parsed.html) : "";
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
    fullText: cutText(clean(body), 200_000),
    html: typeof parsed.html === "string" ? parsed.html : null,
    auto: automatic(parsed, address),
    spamVerdict: spamHeader(parsed),
    attachments: parsed.attachments
      .filter((a) => a.content.length > 0)
      .slice(0, 10)
      .map((a) => ({ fileName: a.filename ?? "attachment", contentType: a.contentType, bytes: new Uint8Array(a.content), contentId: a.cid ?? null, inline: a.contentDisposition === "inline" })),
    withheld: [],
  };
}
