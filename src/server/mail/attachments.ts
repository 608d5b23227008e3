import type { Attachment } from "mailparser";
import { env } from "@/env";
import { fileExtension, isBlockedFileName, normaliseFileName } from "@/lib/file-names";
import { DeskError } from "../errors";
import { inspectUpload } from "../files/content";
import type { MailAttachment, WithheldPart } from "./parse";

/** Files kept per message; the rest are listed as withheld ("tooMany"). Inline images count apart. */
const maxFiles = 10;

/** Names for parts sent without one, by type: never the bare "attachment". */
const namesByType: Record<string, string> = {
  "message/rfc822": "message.eml",
  "message/global": "message.eml",
  "text/calendar": "invite.ics",
  "application/ics": "invite.ics",
  "application/ms-tnef": "winmail.dat",
  "application/vnd.ms-tnef": "winmail.dat",
  "message/delivery-status": "delivery-status.txt",
  "message/global-delivery-status": "delivery-status.txt",
  "message/disposition-notification": "disposition-notification.txt",
  "text/rfc822-headers": "headers.txt",
  "text/plain": "text.txt",
  "text/html": "page.html",
  "application/pdf": "document.pdf",
  "image/jpeg": "image.jpg",
  "application/octet-stream": "file.bin",
};

/** The extensions of types that are refused whatever their name says (the refusal itself is isBlockedFileName's). */
const extensionsByType: Record<string, string> = {
  "text/html": "html",
  "application/xhtml+xml": "xhtml",
  "image/svg+xml": "svg",
  "application/javascript": "js",
  "text/javascript": "js",
  "application/x-javascript": "js",
  "application/x-msdownload": "exe",
  "application/x-msdos-program": "exe",
  "application/x-sh": "sh",
  "application/hta": "hta",
  "application/java-archive": "jar",
  "application/x-ms-shortcut": "lnk",
};

function nameFromType(contentType: string): string {
  const known = namesByType[contentType];
  if (known) return known;
  const [major, sub = ""] = contentType.split("/");
  const extension = sub.replace(/^(x-|vnd\.)/, "").replace(/\+.*$/, "");
  const stem = major === "image" || major === "audio" || major === "video" ? major : "file";
  return /^[a-z0-9]{1,5}$/.test(extension) ? `${stem}.${extension}` : `${stem}.bin`;
}

/** "image.png", "image-2.png", … for unnamed parts of the same type. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const dot = name.lastIndexOf(".");
    candidate = dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const isSmimeSignature = (part: Attachment) =>
  ["application/pkcs7-signature", "application/x-pkcs7-signature"].includes(part.contentType) || fileExtension(part.filename ?? "") === "p7s";

/** Why the files domain would refuse this part, or null when it would store it. */
async function refusal(fileName: string, part: Attachment): Promise<WithheldPart["reason"] | null> {
  const typeExtension = extensionsByType[part.contentType];
  if (isBlockedFileName(fileName) || (typeExtension && isBlockedFileName(`file.${typeExtension}`))) return "blocked";
  if (part.content.length === 0) return "empty";
  if (part.content.length > env.MAX_UPLOAD_MB * 1024 * 1024) return "tooLarge";
  try {
    await inspectUpload(fileName, part.contentType, new Uint8Array(part.content));
    return null;
  } catch (error) {
    if (error instanceof DeskError && error.messageKey === "file.contentRefused") return "contentRefused";
    if (error instanceof DeskError && error.messageKey === "file.contentMismatch") return "contentMismatch";
    throw error;
  }
}

/**
 * Sorts a message's parts into files to keep and parts to withhold, so that one refused part never
 * sinks the message:
 * - inline: a part whose Content-ID the HTML names (`cid:`), or an inline image with a Content-ID
 *   in an HTML mail — kept with `inline: true`, shown in the HTML rather than listed;
 * - unnamed parts get a name from their type (`image.png`, `message.eml`, `invite.ics`);
 * - a name or type the files domain refuses (isBlockedFileName, inspectUpload), an empty part, a
 *   part over the upload limit, or one past the tenth → withheld with the reason;
 * - S/MIME signatures (`smime.p7s`) are dropped: nobody can use them on a ticket.
 */
export async function sortParts(parts: Attachment[], html: string | null): Promise<{ attachments: MailAttachment[]; withheld: WithheldPart[] }> {
  const attachments: MailAttachment[] = [];
  const withheld: WithheldPart[] = [];
  const taken = new Set<string>();
  const counts = { inline: 0, attached: 0 };
  const referenced = (cid: string | undefined) => Boolean(cid && html?.toLowerCase().includes(`cid:${cid.toLowerCase()}`));
  for (const part of parts) {
    if (isSmimeSignature(part)) continue;
    const contentType = part.contentType.toLowerCase();
    const named = part.filename ? normaliseFileName(part.filename) : "";
    const fileName = unique(named && named !== "file" ? named : nameFromType(contentType), taken);
    // A Content-ID the HTML names, or an inline image in an HTML mail; an inline PDF stays an attachment.
    const inline = Boolean(part.cid) && (referenced(part.cid) || (part.contentDisposition === "inline" && contentType.startsWith("image/") && html !== null));
    const reason = await refusal(fileName, part);
    if (reason) {
      withheld.push({ fileName, reason });
      continue;
    }
    const count = inline ? "inline" : "attached";
    if (counts[count] >= maxFiles) {
      withheld.push({ fileName, reason: "tooMany" });
      continue;
    }
    counts[count]++;
    attachments.push({ fileName, contentType, bytes: new Uint8Array(part.content), contentId: part.cid ?? null, inline });
  }
  return { attachments, withheld };
}
