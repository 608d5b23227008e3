import { describe, expect, it } from "vitest";
import { isBlockedFileName, normaliseFileName } from "./file-names";

describe("file names", () => {
  it.each([
    ["\u200b.htaccess", "htaccess"],
    ["invoice\u202egnp.exe", "invoicegnp.exe"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\a\\report.pdf", "report.pdf"],
    ["ｒｅｐｏｒｔ．ｐｄｆ", "report.pdf"],
    ["  ", "file"],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normaliseFileName(raw)).toBe(expected);
  });

  it("refuses scripts and pages after normalising, and keeps ordinary documents", () => {
    for (const raw of ["\u200b.htaccess", "photo.svg", "run.EXE", "page.html", "x.php", "ｒｕｎ．ｅｘｅ"]) {
      expect(isBlockedFileName(normaliseFileName(raw)), raw).toBe(true);
    }
    for (const raw of ["report.pdf", "screenshot.png", "data.csv", "notes.txt", "archive.zip"]) {
      expect(isBlockedFileName(normaliseFileName(raw)), raw).toBe(false);
    }
  });
});
