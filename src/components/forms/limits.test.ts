import { describe, expect, it } from "vitest";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { maxLengthOf } from "./limits";

describe("maxLengthOf", () => {
  it("reads the longest text of a server schema through its wrappers", () => {
    expect(maxLengthOf(textInput().trim().max(200, "ticket.subjectTooLong"))).toBe(200);
    expect(maxLengthOf(textInput().trim().toLowerCase().max(254).pipe(z.email()))).toBe(254);
    expect(maxLengthOf(textInput().max(500).default("").optional())).toBe(500);
    expect(maxLengthOf(textInput().max(40).nullish())).toBe(40);
  });

  it("has no answer for text without a limit or for other values", () => {
    expect(maxLengthOf(textInput())).toBeUndefined();
    expect(maxLengthOf(z.number().max(5))).toBeUndefined();
  });
});
