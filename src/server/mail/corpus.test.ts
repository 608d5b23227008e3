import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMail, type IncomingMail } from "./parse";

/**
 * The mail corpus (src/server/mail/corpus): raw messages of the clients, languages, charsets and
 * machines Deskhand meets, each with what it must parse to in `name.expected.json`. A message the
 * parser does not get right yet says why in `knownIssue`; it is counted, not hidden.
 */
type Expected = {
  subject: string;
  from: string;
  text?: string;
  textIncludes?: string[];
  textExcludes?: string[];
  attachments: { name: string; inline: boolean }[];
  withheld: { name: string; reason: string }[];
  auto: IncomingMail["auto"];
  spam: boolean;
  decision: "ticket" | "auto_reply" | "bounce" | "spam";
  knownIssue?: string;
};

const folder = path.join(import.meta.dirname, "corpus");
const names = readdirSync(folder).filter((file) => file.endsWith(".eml")).map((file) => file.slice(0, -4)).sort();

/** What the import does with a parsed message: machine mail first, then the spam verdict. */
export const decisionOf = (mail: IncomingMail): Expected["decision"] => mail.auto ?? (mail.spamVerdict ? "spam" : "ticket");

/** The differences between a parse and its sidecar, empty when the message parsed as expected. */
function differences(mail: IncomingMail, expected: Expected): string[] {
  const found: string[] = [];
  const check = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) found.push(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
  };
  check("subject", mail.subject, expected.subject);
  check("from", mail.from, expected.from);
  if (expected.text !== undefined) check("text", mail.text, expected.text);
  for (const part of expected.textIncludes ?? []) if (!mail.text.includes(part)) found.push(`text lacks ${JSON.stringify(part)}: ${JSON.stringify(mail.text)}`);
  for (const part of expected.textExcludes ?? []) if (mail.text.includes(part)) found.push(`text has ${JSON.stringify(part)}: ${JSON.stringify(mail.text)}`);
  check("attachments", mail.attachments.map((a) => ({ name: a.fileName, inline: a.inline })), expected.attachments);
  check("withheld", mail.withheld.map((w) => ({ name: w.fileName, reason: w.reason })), expected.withheld);
  check("auto", mail.auto, expected.auto);
  check("spam", mail.spamVerdict !== null, expected.spam);
  check("decision", decisionOf(mail), expected.decision);
  return found;
}

const results = new Map<string, string[]>();

describe("mail corpus", () => {
  it("holds at least 50 messages, each with its expected parse", () => {
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  it.each(names)("%s", async (name) => {
    const expected = JSON.parse(readFileSync(path.join(folder, `${name}.expected.json`), "utf8")) as Expected;
    const mail = await parseMail(readFileSync(path.join(folder, `${name}.eml`)));
    const found = differences(mail, expected);
    results.set(name, found);
    if (expected.knownIssue) {
      // A known issue that went away is news too: the sidecar must say so.
      expect(found, `${name} parses as expected now; remove its knownIssue`).not.toEqual([]);
    } else {
      expect(found).toEqual([]);
    }
  });

  it("reports the share parsed as expected", () => {
    const passed = [...results.values()].filter((found) => found.length === 0).length;
    console.info(`Mail corpus: ${passed} of ${results.size} messages parsed as expected.`);
    expect(results.size).toBe(names.length);
  });
});
