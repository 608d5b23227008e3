import { fileTypeFromBuffer, supportedExtensions } from "file-type";
import { fileExtension, isBlockedFileName, withExtension } from "@/lib/file-names";
import { DeskError } from "../errors";

/** What an upload is stored as: the name and type its content shows, not only what it claimed. */
export type InspectedUpload = { fileName: string; contentType: string };

const markupStarts = [
  // The HTML patterns of the WHATWG MIME Sniffing standard ("rules for identifying an unknown MIME type").
  "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--",
  // Not in the standard's list, but a browser that takes the file as XML renders these too.
  "<svg", "<?xml",
];

/** The first bytes as text, the way a browser sniffing them reads it: a BOM chooses the encoding. */
function headerText(bytes: Uint8Array, length: number): string {
  const head = bytes.subarray(0, length);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head.subarray(2));
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head.subarray(2));
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return Buffer.from(head.subarray(start)).toString("latin1");
}

/**
 * Whether a browser would take the file for a page: after leading whitespace, the first 512 bytes
 * start with one of the markup patterns, followed by whitespace, ">" or "/" (the standard asks for a
 * space or ">"; the wider ending refuses a little more, never less). `<?xml` needs no ending.
 */
function startsWithMarkup(bytes: Uint8Array): boolean {
  const text = headerText(bytes, 512).replace(/^[\t\n\f\r ]+/, "").toLowerCase();
  return markupStarts.some((pattern) => text.startsWith(pattern) && (pattern === "<?xml" || /^[\s>/]/.test(text.charAt(pattern.length))));
}

/**
 * An image with a script or page inside its first kilobyte (a polyglot: valid JPEG, and HTML to a
 * browser that sniffs it) is refused even though the image itself is real. Images only: that is
 * where polyglots are made, and where such words have no business in the header.
 */
function imageCarriesMarkup(bytes: Uint8Array): boolean {
  const text = headerText(bytes, 1024).toLowerCase();
  return ["<script", "<html", "<svg"].some((word) => text.includes(word));
}

// Other names of the same formats, as the detected extension → extensions that are the same thing.
const sameFormat: Record<string, string[]> = {
  jpg: ["jpeg", "jpe", "jfif"],
  tif: ["tiff"],
  heic: ["heif"],
  mpg: ["mpeg", "mpe"],
  mp4: ["m4v", "m4a"],
  mov: ["qt"],
  ogg: ["oga", "ogv", "opus"],
  mid: ["midi"],
  aif: ["aiff", "aifc"],
  gz: ["tgz", "gzip"],
  "tar.gz": ["tgz", "gz"],
};

// Formats built on a container that detection may report as the container itself.
const containerMembers: Record<string, string[]> = {
  zip: [
    "docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "xltm", "pptx", "pptm", "potx", "potm", "ppsx", "ppsm",
    "odt", "ods", "odp", "odg", "ott", "ots", "otp", "otg", "epub", "3mf", "vsdx", "kmz", "pages", "numbers", "key",
  ],
  cfb: ["doc", "dot", "xls", "xlt", "ppt", "pot", "pps", "msg", "vsd", "pub", "mpp"],
};

/**
 * Binary formats that detection always recognises: a file named so whose content is not detected
 * is not what its name says.
 */
const detectableExtensions = new Set([
  "pdf", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "heic", "heif", "avif", "psd",
  "zip", "rar", "7z", "gz", "tgz", "bz2", "xz",
  "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "doc", "xls", "ppt",
  "mp4", "mov", "webm", "mkv", "avi", "wav", "flac", "ogg",
]);

/** Whether the name's extension fits the detected format (an alias, or a member of its container). */
function nameFits(fileName: string, detected: string): boolean {
  const lower = fileName.toLowerCase();
  if ([detected, ...(sameFormat[detected] ?? [])].some((extension) => lower.endsWith(`.${extension}`))) return true;
  const members = containerMembers[detected];
  if (!members) return false;
  const claimed = fileExtension(fileName);
  // A container's member detection does not know (a .kmz is a zip) keeps its name.
  return members.includes(claimed) || (claimed !== "" && !supportedExtensions.has(claimed) && !detectableExtensions.has(claimed));
}

const claimedType = (contentType: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : "application/octet-stream");

/**
 * Checks an upload's content against its (normalised) name and says what to store it as:
 * - markup a browser would sniff as a page (see startsWithMarkup), an image carrying markup, or a
 *   detected program → refused (`file.contentRefused`);
 * - a detected format under another extension → stored with the detected type, the extension
 *   replaced ("report.pdf" holding a JPEG becomes "report.jpg");
 * - nothing detected under the name of a format detection always knows → refused
 *   (`file.contentMismatch`);
 * - anything else (text, CSV, mail, logs) → stored as it came.
 */
export async function inspectUpload(fileName: string, contentType: string, bytes: Uint8Array): Promise<InspectedUpload> {
  const refused = (key: "file.contentRefused" | "file.contentMismatch") => new DeskError("BAD_REQUEST", key, { params: { name: fileName } });
  if (startsWithMarkup(bytes)) throw refused("file.contentRefused");
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    if (detectableExtensions.has(fileExtension(fileName))) throw refused("file.contentMismatch");
    return { fileName, contentType: claimedType(contentType) };
  }
  if (isBlockedFileName(`file.${detected.ext}`)) throw refused("file.contentRefused");
  if (detected.mime.startsWith("image/") && imageCarriesMarkup(bytes)) throw refused("file.contentRefused");
  return { fileName: nameFits(fileName, detected.ext) ? fileName : withExtension(fileName, detected.ext), contentType: detected.mime };
}
