import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { outbox } from "./schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();

describe("mail templates", () => {
  it("write customer mail in the desk's own words, refuse unknown placeholders, and go back to the default", async () => {
    const desk = await readyDesk(database.db, "mail-templates", ["Support"]);
    const list = await desk.owner.mail.templates({ desk: desk.slug });
    expect(list.map((t) => `${t.kind}/${t.locale}`)).toEqual(["ticket.received/en", "ticket.received/ru", "ticket.reply/en", "ticket.reply/ru", "ticket.solved/en", "ticket.solved/ru", "portal.link/en", "portal.link/ru"]);
    const bad = await refusal(desk.owner.mail.saveTemplate({ desk: desk.slug, kind: "ticket.solved", locale: "en", subject: "Done {{ticket.number}}", body: "Bye {{agent.shoe}}" }));
    expect(bad.message).toBe("macros.unknown");
    await desk.owner.mail.saveTemplate({ desk: desk.slug, kind: "ticket.solved", locale: "en", subject: "All done: #{{ticket.number}}", body: "Hi {{customer.name}}, **fixed**. Reopen: {{ticket.link}}" });
    const preview = await desk.owner.mail.previewTemplate({ desk: desk.slug, kind: "ticket.solved", locale: "en", subject: "All done: #{{ticket.number}}", body: "Hi {{customer.name}}, **fixed**. {{nope}}" });
    expect(preview).toMatchObject({ subject: "All done: #1042", unknown: ["nope"] });
    expect(preview.html).toContain("<strong>fixed</strong>");

    const ticket = await fileTicket(desk, { name: "Casey" });
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { status: "solved" } });
    const [solved] = await withTenant(database.db, desk.tenantId, (tx) => tx.select().from(outbox).where(eq(outbox.kind, "ticket.solved")));
    expect(solved!.subject).toBe(`All done: #${ticket.number}`);
    expect(solved!.textBody).toMatch(/^Hi Casey, \*\*fixed\*\*\. Reopen: http.+\/t\/[A-Za-z0-9_-]{43}$/);
    expect(solved!.htmlBody).toContain("<strong>fixed</strong>");
    expect(solved!.messageId).toMatch(/^<.+>$/);

    await desk.owner.mail.resetTemplate({ desk: desk.slug, kind: "ticket.solved", locale: "en" });
    expect((await desk.owner.mail.templates({ desk: desk.slug })).find((t) => t.kind === "ticket.solved" && t.locale === "en")).toMatchObject({ custom: false });

    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "agent@templates.test", grants: { [desk.departmentIds.Support!]: "manage" } });
    expect((await refusal(agent.mail.templates({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    const other = await readyDesk(database.db, "mail-templates-other", ["Support"]);
    expect((await refusal(other.owner.mail.saveTemplate({ desk: desk.slug, kind: "ticket.solved", locale: "en", subject: "x", body: "y" }))).code).toBe("NOT_FOUND");
  });
});
