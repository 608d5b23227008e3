import { convert, type HtmlToTextOptions } from "html-to-text";

/**
 * HTML past this many characters is not converted: a 20 MB newsletter must not hold the import
 * (a megabyte of table rows takes about a second and a half, and gives more text than is stored).
 */
const maxHtmlChars = 1_000_000;

const options: HtmlToTextOptions = {
  // Lines stay as the sender broke them; the page that shows the text wraps it.
  wordwrap: false,
  limits: { maxInputLength: maxHtmlChars, maxDepth: 40, ellipsis: "…" },
  selectors: [
    // "text (url)", and only the text when the link shows its own address.
    { selector: "a", options: { linkBrackets: ["(", ")"], hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "ul", options: { itemPrefix: "- " } },
    // Every table keeps rows on lines and cells apart ("c1   c2", never "c1c2"), layout tables too.
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false, colSpacing: 3, maxColumnWidth: 80 } },
    { selector: "head", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "script", format: "skip" },
  ],
};

/**
 * The text of an HTML mail, for search, notifications and the customer page: paragraphs, line
 * breaks, lists ("- item", "1. item") and tables kept, links as "text (url)" when the address
 * differs from the text, images left out. Only the first million characters are read.
 */
export function htmlToText(html: string): string {
  const text = convert(html.length > maxHtmlChars ? html.slice(0, maxHtmlChars) : html, options);
  // Layout tables leave lines of spaces behind; at most one blank line between paragraphs.
  return text.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
}
