// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark so Excel
// reads Russian text as UTF-8 instead of the system code page.

export type CsvCell = string | number | null;

const BOM = "\uFEFF";

/** One field: quoted when it holds a quote, separator or line break; a text that a spreadsheet would run as a formula is defused. */
export function csvField(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // "=HYPERLINK(…)" in a colleague's name must stay text (CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
