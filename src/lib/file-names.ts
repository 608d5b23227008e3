/**
 * A file name as people typed it, made safe to show and store: NFKC-normalised first, then
 * invisible, control and direction characters removed, path parts dropped, length bounded.
 * (Normalising after validating is how a zero-width-space ".htaccess" got through elsewhere.)
 */
export function normaliseFileName(raw: string): string {
  const name = raw
    .normalize("NFKC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/g, "")
    .split(/[/\\]/)
    .pop()!
    .replace(/^[.\s]+/, "")
    .trim();
  const bounded = name.length > 150 ? name.slice(0, 100) + name.slice(-50) : name;
  return bounded || "file";
}

const blockedExtensions = new Set([
  "exe", "com", "bat", "cmd", "msi", "scr", "ps1", "vbs", "js", "jse", "wsf", "sh", "php", "phtml", "jsp", "asp", "aspx",
  "htaccess", "htpasswd", "html", "htm", "xhtml", "svg", "svgz", "hta", "jar", "dll", "so", "dylib", "lnk", "reg", "iso",
  // The names content detection gives Linux and macOS programs and compiled Windows help.
  "elf", "macho", "chm",
]);

/** "Report.PDF" → "pdf"; "" when the name has no extension. */
export function fileExtension(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(".") ? lower.slice(lower.lastIndexOf(".") + 1) : "";
}

/** "report.pdf" → "report.jpg"; "report" → "report.jpg". */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf(".");
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

/** Whether a (normalised) file name has an extension Deskhand refuses to store. */
export function isBlockedFileName(name: string): boolean {
  return blockedExtensions.has(fileExtension(name)) || blockedExtensions.has(name.toLowerCase());
}
