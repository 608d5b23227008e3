import { describe, expect, it } from "vitest";
import { cutText, isStorableText, storableText, textInput } from "./text-input";

describe("text Postgres can store", () => {
  it.each([
    ["plain", "Printer offline", true],
    ["a whole emoji (a surrogate pair)", "Printer 🖨️ 😀", true],
    ["Cyrillic", "Принтер не печатает", true],
    ["a NUL", "a\u0000b", false],
    ["a high surrogate alone", "a\ud83d", false],
    ["a low surrogate alone", "\ude00b", false],
    ["two halves in the wrong order", "\ude00\ud83d", false],
  ])("%s", (_name, value, storable) => {
    expect(isStorableText(value)).toBe(storable);
    expect(textInput().safeParse(value).success).toBe(storable);
    expect(isStorableText(storableText(value))).toBe(true);
  });

  it("refuses before the length checks the caller chains on, with one field message", () => {
    const subject = textInput().trim().min(1, "ticket.subjectRequired").max(10, "ticket.subjectTooLong");
    expect(subject.safeParse("\u0000").error?.issues.map((i) => i.message)).toEqual(["text.invalidCharacters"]);
    expect(subject.safeParse("  ok  ").data).toBe("ok");
  });

  it("cuts text without leaving half of a surrogate pair", () => {
    expect(cutText("ab😀cd", 3)).toBe("ab");
    expect(cutText("ab😀cd", 4)).toBe("ab😀");
    expect(cutText("abc", 10)).toBe("abc");
  });
});
