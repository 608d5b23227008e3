import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes separators, quotes and line breaks, and leaves plain text and numbers alone", () => {
    expect(csvField("Support")).toBe("Support");
    expect(csvField("Billing, invoices")).toBe('"Billing, invoices"');
    expect(csvField('The "VIP" desk')).toBe('"The ""VIP"" desk"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(97.5)).toBe("97.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("keeps a name a spreadsheet would run as a formula as text", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("@admin")).toBe("'@admin");
    expect(csvField(-3)).toBe("-3");
  });

  it("starts with a UTF-8 byte order mark and ends rows with CRLF, so Excel reads Russian text", () => {
    const csv = toCsv(["Отдел", "Обращения"], [["Поддержка", 12], ["Продажи; опт", 3]]);
    expect(csv).toBe("\uFEFFОтдел,Обращения\r\nПоддержка,12\r\nПродажи; опт,3\r\n");
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
