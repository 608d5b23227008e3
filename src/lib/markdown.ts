import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Our own instance: nothing else in the app can change how messages are rendered.
const marked = new Marked({ gfm: true, breaks: true, async: false });

/** Links go only to the web or to a mail address; relative, javascript:, data: and the rest are dropped. */
const allowedHref = /^(https?:\/\/|mailto:)/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Disallowed tags vanish, keeping their text; these vanish with everything inside them.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template", "title", "head"],
  transformTags: {
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? "").trim();
      // A link that may not be followed stays as its text (a span is not allowed, so only the text is kept).
      return allowedHref.test(href) ? { tagName: "a", attribs: { href, rel: "noopener nofollow ugc", target: "_blank" } } : { tagName: "span", attribs: {} };
    },
  },
};

/**
 * A message body (Markdown, possibly with raw HTML from mail) as HTML that is safe to put in the
 * page: marked renders it, then sanitize-html keeps only a strict allowlist of text formatting.
 * No scripts, styles, event handlers, images, frames or non-web links survive.
 */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false });
  return sanitizeHtml(html, options);
}
