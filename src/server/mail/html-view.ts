import { simpleParser } from "mailparser";
import sanitizeHtml from "sanitize-html";
import type { TenantDb } from "../db/types";
import type { Actor } from "../kernel/actor";
import { importedOriginal } from "./originals";

/** The largest HTML body rendered; the rest of a bigger one is in the original. */
const MAX_HTML = 2 * 1024 * 1024;

export type MailHtml = { html: string; blockedImages: number };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An imported mail as it was written, made safe to show: its HTML sanitised (no script, no forms,
 * no frames, no event handlers, links open outside), inline cid: images from its own parts (as
 * data: URLs), and remote images left out until the agent asks for them — a remote image tells the
 * sender when and where the mail was read. Plain-text mail comes back as preformatted text. Only
 * for whoever may view the ticket (importedOriginal checks).
 */
export async function mailHtmlView(tx: TenantDb, actor: Actor, id: string, options: { images: boolean }): Promise<MailHtml> {
  const original = await importedOriginal(tx, actor, id);
  // mailparser replaces cid: references with data: URLs of the inline parts.
  const parsed = await simpleParser(Buffer.from(original.bytes), { skipImageLinks: false, skipTextToHtml: true, maxHtmlLengthToParse: MAX_HTML });
  const source = typeof parsed.html === "string" ? parsed.html.slice(0, MAX_HTML) : null;
  if (!source) return { html: `<pre>${escape(parsed.text ?? "")}</pre>`, blockedImages: 0 };
  let blockedImages = 0;
  const html = sanitizeHtml(source, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "font", "center", "span", "div"],
    allowedAttributes: {
      "*": ["style", "align", "valign", "width", "height", "bgcolor", "color", "dir", "lang", "title"],
      a: ["href", "name"],
      img: ["src", "alt", "width", "height"],
      font: ["face", "size", "color"],
      table: ["border", "cellpadding", "cellspacing", "width", "bgcolor"],
      td: ["colspan", "rowspan", "width", "bgcolor"],
      th: ["colspan", "rowspan", "width", "bgcolor"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: options.images ? ["data", "http", "https"] : ["data"] },
    allowProtocolRelative: false,
    // CSS that fetches (url(), @import) would leak like a remote image: dropped with the rest of style blocks.
    allowedStyles: undefined,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
      img: (tagName, attribs) => {
        const src = attribs.src ?? "";
        if (!options.images && /^(https?:)?\/\//i.test(src)) {
          blockedImages += 1;
          return { tagName: "span", attribs: { class: "blocked-image", title: attribs.alt ?? "" }, text: attribs.alt ?? "" };
        }
        return { tagName, attribs };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && /url\(/i.test(frame.attribs.style ?? ""),
  });
  return { html: html.replace(/url\s*\(/gi, "blocked("), blockedImages };
}
