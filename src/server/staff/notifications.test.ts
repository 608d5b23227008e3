import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { fileTicket } from "@/test/tickets";
import { tenants } from "../kernel/schema";
import { outbox } from "../outbox/schema";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();

describe("staff notifications", () => {
  it("mail new tickets to those who asked and may see the department, and assignments to the assignee", async () => {
    const desk = await readyDesk(database.db, "notify-desk", ["Support", "Payments"]);
    await database.db.update(tenants).set({ planId: "pro" }).where(eq(tenants.id, desk.tenantId));
    const support = await inviteAndJoin(database.db, desk, { email: "support@notify.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    const payments = await inviteAndJoin(database.db, desk, { email: "payments@notify.test", grants: { [desk.departmentIds.Payments!]: "reply" } });
    for (const person of [support, payments]) await person.caller.account.setNotifications({ desk: desk.slug, newTickets: true, assigned: true });
    expect(await desk.owner.account.notifications({ desk: desk.slug })).toEqual({ newTickets: false, assigned: true });

    const ticket = await fileTicket(desk, { subject: "Router keeps rebooting", department: "Support" });
    const staffMail = () =>
      withTenant(database.db, desk.tenantId, (tx) => tx.select({ kind: outbox.kind, to: outbox.toAddress, subject: outbox.subject }).from(outbox).where(inArray(outbox.kind, ["staff.newTicket", "staff.assigned"])).orderBy(outbox.id));
    expect(await staffMail()).toEqual([{ kind: "staff.newTicket", to: "support@notify.test", subject: `[NOTIFY-DESK-${ticket.number}] New ticket: Router keeps rebooting` }]);

    // The owner assigns it to the Support agent: one mail to them; taking it yourself sends none.
    await desk.owner.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { assigneeMembershipId: support.member.membershipId } });
    await support.caller.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { assigneeMembershipId: null } });
    await support.caller.tickets.update({ desk: desk.slug, ticketId: ticket.id, changes: { assigneeMembershipId: support.member.membershipId } });
    const mails = await staffMail();
    expect(mails.filter((m) => m.kind === "staff.assigned").map((m) => m.to)).toEqual(["support@notify.test"]);

    // Turned off: no more.
    await support.caller.account.setNotifications({ desk: desk.slug, newTickets: false, assigned: false });
    await fileTicket(desk, { subject: "Another one", department: "Support" });
    expect((await staffMail()).filter((m) => m.kind === "staff.newTicket")).toHaveLength(1);
  });
});
