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

/** A visitor's comment: the same strict allowlist; every link gets rel="noopener nofollow ugc". */
export const renderCommentMarkdown = renderMarkdown;

/** Images in articles come only from the desk's own help-center file route (uploaded by staff). */
const articleImage = /^\/help\/[a-z0-9-]+\/files\/[0-9a-f-]{36}$/;

const articleOptions: sanitizeHtml.IOptions = {
  ...options,
  allowedTags: [...(options.allowedTags as string[]), "img", "h5", "h6"],
  allowedAttributes: { ...options.allowedAttributes, img: ["src", "alt", "title"], h2: ["id"], h3: ["id"] },
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  transformTags: {
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? "").trim();
      if (/^https?:\/\//i.test(href)) return { tagName: "a", attribs: { href, rel: "noopener", target: "_blank" } };
      if (/^mailto:/i.test(href) || /^\/help\/[a-z0-9-]+\/[\w\-./?=&#%]*$/.test(href)) return { tagName: "a", attribs: { href } };
      return { tagName: "span", attribs: {} };
    },
    img: (_tagName, attribs): sanitizeHtml.Tag => {
      const src = (attribs.src ?? "").trim();
      return articleImage.test(src) ? { tagName: "img", attribs: { src, alt: attribs.alt ?? "", loading: "lazy" } } : { tagName: "span", attribs: {} };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "span" && !frame.text.trim(),
};

/**
 * A knowledge-base article as safe HTML: what messages allow, plus images from the desk's own
 * file route and links within the help center. Staff write it, visitors read it: no scripts,
 * handlers, frames, SVG, data: or javascript: URLs survive.
 */
export function renderArticleMarkdown(text: string): string {
  const html = marked.parse(text, { async: false });
  return sanitizeHtml(html, { ...articleOptions, allowedAttributes: { ...articleOptions.allowedAttributes, img: ["src", "alt", "title", "loading"] } });
}

/** Plain text of an article's Markdown, for meta descriptions and snippets. */
export function markdownToText(text: string): string {
  return sanitizeHtml(marked.parse(text, { async: false }), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
