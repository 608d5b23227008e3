import { describe, expect, it } from "vitest";
import { stripQuoted } from "./quotes";

describe("quote stripping", () => {
  it("never cuts a text to nothing", () => {
    expect(stripQuoted("> only a quote")).toBe("> only a quote");
    expect(stripQuoted("On Mon, 23 Nov 2026, Ann <ann@x.com> wrote:\n> Try again")).toBe("On Mon, 23 Nov 2026, Ann <ann@x.com> wrote:\n> Try again");
  });

  it("cuts at a header block only when it has the block's shape", () => {
    expect(stripQuoted("Hello,\n\nFrom: my colleague I heard it is broken.\n\nPat")).toBe("Hello,\n\nFrom: my colleague I heard it is broken.\n\nPat");
    expect(stripQuoted("Ok.\n\nVon: Anna <a@x.de>\nGesendet: Montag, 23. November 2026 10:00\nAn: Support\nBetreff: Frage\n\nAlt")).toBe("Ok.");
    expect(stripQuoted("Ok.\n\nDe : Anne\n<a@x.fr>\nEnvoyé : lundi 23 novembre 2026 10:00\nÀ : Support\n\nVieux")).toBe("Ok.");
  });

  it("knows attribution lines of each language, wrapped or not", () => {
    const history = "\n> old";
    for (const line of [
      "Am 23.11.2026 um 10:00 schrieb Anna <a@x>:",
      "Le lun. 23 nov. 2026 à 10:00, Anne <a@x> a écrit :",
      "El lun, 23 nov 2026 a las 10:00, Ana (<a@x>) escribió:",
      "Il giorno lun 23 nov 2026 alle ore 10:00 Anna <a@x> ha scritto:",
      "Em seg., 23 de nov. de 2026 às 10:00, Ana <a@x> escreveu:",
      "Op ma 23 nov 2026 om 10:00 schreef Anna <a@x>:",
      "W dniu 23.11.2026 o 10:00, Anna <a@x> pisze:",
      "pon., 23 lis 2026 o 10:00 Anna <a@x> napisał(a):",
      "пн, 23 лист. 2026 р. о 10:00 Анна <a@x> пише:",
      "23.11.2026 10:00, Анна написав(ла):",
      "23.11.2026, 10:00, Анна пишет:",
      "On Mon, 23 Nov 2026 at 10:00, Ann <\na@x> wrote:",
    ]) {
      expect(stripQuoted(`Thanks.\n\n${line}${history}`), line).toBe("Thanks.");
    }
  });

  it("keeps answers written between the quoted lines", () => {
    const text = "See inline.\n\nOn Mon, 23 Nov 2026, Ann <ann@x.com> wrote:\n> Version?\n\n4.2\n\n> Device?\n\nLaptop";
    expect(stripQuoted(text)).toBe(text);
  });

  it("cuts a forward under a note, and keeps a forward with nothing above it", () => {
    const forward = "---------- Forwarded message ---------\nFrom: Vendor <v@x>\nDate: Fri, 20 Nov 2026\n\nRenewal";
    expect(stripQuoted(`Can you cancel this?\n\n${forward}`)).toBe("Can you cancel this?");
    expect(stripQuoted(forward)).toBe(forward);
  });
});
