import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { publicErrorResponse } from "../public/http";
import { importMail } from "../mail/inbound";
import { widgetSubmission } from "../widget/inputs";
import { ticketMessages, tickets } from "./schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();

// Text Postgres refuses (NUL) or cannot encode (half of a surrogate pair), as an attacker types it.
const hostile = ["Cannot\u0000 log in", "Broken \ud83d emoji", "Lone low \udc00 half"];

const ticketCount = (tenantId: string) => withTenant(database.db, tenantId, async (tx) => (await tx.select({ id: tickets.id }).from(tickets)).length);

describe("text Postgres cannot store", () => {
  it("is a field error in the staff search box, and nothing fails", async () => {
    const desk = await readyDesk(database.db, "hostile-search");
    await fileTicket(desk);
    for (const query of hostile) {
      const error = await refusal(desk.owner.tickets.search({ desk: desk.slug, query }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(JSON.parse(error.message)).toEqual([expect.objectContaining({ path: ["query"], message: "text.invalidCharacters" })]);
    }
  });

  it("is a field error in a new ticket's subject and body, and no ticket is stored", async () => {
    const desk = await readyDesk(database.db, "hostile-create");
    for (const text of hostile) {
      for (const field of ["subject", "body"] as const) {
        const error = await refusal(fileTicket(desk, { [field]: text }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(JSON.parse(error.message)).toEqual([expect.objectContaining({ path: [field], message: "text.invalidCharacters" })]);
      }
    }
    expect(await ticketCount(desk.tenantId)).toBe(0);
    // A whole emoji (a surrogate pair) is ordinary text.
    await fileTicket(desk, { subject: "Printer 🖨️ offline" });
    expect(await ticketCount(desk.tenantId)).toBe(1);
  });

  it("gets a visitor of the widget a 400 that names the field, in the desk's language", async () => {
    for (const [field, value] of [["subject", hostile[0]], ["message", hostile[1]], ["name", hostile[2]]] as const) {
      const parsed = widgetSubmission.safeParse({ email: "visitor@example.com", message: "Hello", [field]: value });
      expect(parsed.success).toBe(false);
      const response = await publicErrorResponse(parsed.error, "en");
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields: Record<string, string> };
      expect(body.fields[field]).toMatch(/cannot be saved/);
    }
  });

  it("is removed from incoming mail, which still becomes a ticket", async () => {
    const desk = await readyDesk(database.db, "hostile-mail", ["Support"]);
    const raw = Buffer.concat([
      Buffer.from("From: Pat <pat@example.com>\r\nTo: support@desk.example\r\nSubject: Printer\u0000 offline\r\nMessage-ID: <nul@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"),
      Buffer.from("The printer\u0000 is offline.", "utf8"),
    ]);
    expect(await importMail(database.db, desk.tenantId, raw)).toEqual({ outcome: "new_ticket", ticketNumber: 1001 });
    const stored = await withTenant(database.db, desk.tenantId, async (tx) => {
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.number, 1001));
      const messages = await tx.select({ body: ticketMessages.body }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket!.id));
      return { subject: ticket!.subject, bodies: messages.map((m) => m.body) };
    });
    expect(stored).toEqual({ subject: "Printer offline", bodies: ["The printer is offline."] });
  });
});
