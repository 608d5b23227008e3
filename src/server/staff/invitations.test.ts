import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DeskError } from "@/server/errors";
import { callerAs } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { refusal } from "@/test/expect";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { addMember } from "@/test/members";
import { fileTicket } from "@/test/tickets";
import { invitations, memberships } from "./schema";
import { outbox } from "@/server/outbox/schema";

const database = openTestDatabase();

const tokenOf = (link: string) => link.split("/invite/")[1]!;

describe("invitation lifecycle", () => {
  it("mails a single-use link that makes the person a member with their grants", async () => {
    const desk = await readyDesk(database.db, "invite-life");
    const { link, invitation } = await desk.owner.staff.invite({
      desk: desk.slug,
      email: "Nina@Example.com",
      name: "Nina",
      role: "agent",
      grants: { [desk.departmentIds.Support!]: "reply" },
    });
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const [stored] = await database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(stored!.tokenHash).not.toContain(tokenOf(link));
    expect(invitation).not.toHaveProperty("tokenHash");
    const mails = await database.db.select().from(outbox).where(and(eq(outbox.tenantId, desk.tenantId), eq(outbox.kind, "staff.invitation")));
    expect(mails).toEqual([expect.objectContaining({ kind: "staff.invitation", toAddress: "nina@example.com", status: "stored" })]);
    expect(mails[0]!.textBody).toContain(link);

    const visitor = await callerAs(database.db);
    expect(await visitor.invitation.preview({ token: tokenOf(link) })).toMatchObject({ state: "open", email: "nina@example.com", deskName: "invite-life", accountExists: false });
    expect(await visitor.invitation.acceptAsNewPerson({ token: tokenOf(link), name: "Nina N", password: "nina's long password" })).toEqual({
      deskSlug: "invite-life",
      email: "nina@example.com",
    });
    const nina = (await desk.owner.staff.list({ desk: desk.slug })).find((m) => m.email === "nina@example.com")!;
    expect(nina).toMatchObject({ role: "agent", active: true, grants: { [desk.departmentIds.Support!]: "reply" } });

    const again = await refusal(visitor.invitation.acceptAsNewPerson({ token: tokenOf(link), name: "Nina", password: "another long password" }));
    expect(again.message).toBe("invite.closed");
    expect((await visitor.invitation.preview({ token: tokenOf(link) }))?.state).toBe("accepted");
  });

  it("refuses an expired link and a revoked one, and a resent link replaces the old", async () => {
    const desk = await readyDesk(database.db, "invite-expiry", ["Support"]);
    await desk.owner.desk.get({ desk: desk.slug });
    const expiring = await desk.owner.staff.invite({ desk: desk.slug, email: "late@example.com", name: "Late", role: "agent", grants: {} });
    await database.db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.id, expiring.invitation.id));
    const visitor = await callerAs(database.db);
    expect((await visitor.invitation.preview({ token: tokenOf(expiring.link) }))?.state).toBe("expired");
    expect((await refusal(visitor.invitation.acceptAsNewPerson({ token: tokenOf(expiring.link), name: "Late", password: "long enough password" }))).message).toBe("invite.closed");

    await desk.owner.staff.revokeInvitation({ desk: desk.slug, invitationId: expiring.invitation.id });
    const second = await desk.owner.staff.invite({ desk: desk.slug, email: "late@example.com", name: "Late", role: "agent", grants: {} });
    const { link: resent } = await desk.owner.staff.resendInvitation({ desk: desk.slug, invitationId: second.invitation.id });
    expect(await visitor.invitation.preview({ token: tokenOf(second.link) })).toBeNull();
    await desk.owner.staff.revokeInvitation({ desk: desk.slug, invitationId: second.invitation.id });
    expect((await visitor.invitation.preview({ token: tokenOf(resent) }))?.state).toBe("revoked");
    expect((await refusal(visitor.invitation.acceptAsNewPerson({ token: tokenOf(resent), name: "Late", password: "long enough password" }))).message).toBe(
      "invite.closed",
    );
    expect((await desk.owner.staff.list({ desk: desk.slug })).map((m) => m.email)).not.toContain("late@example.com");
  });

  it("links an existing account only when that person is signed in", async () => {
    const first = await readyDesk(database.db, "invite-first", ["Support"]);
    const second = await readyDesk(database.db, "invite-second", ["Help"]);
    const ownerEmail = first.values.email;
    const { link } = await second.owner.staff.invite({ desk: second.slug, email: ownerEmail, name: "Twice", role: "admin", grants: {} });
    const visitor = await callerAs(database.db);
    expect((await refusal(visitor.invitation.acceptAsNewPerson({ token: tokenOf(link), name: "Impostor", password: "impostor password!" }))).message).toBe(
      "invite.signInFirst",
    );
    expect((await refusal(second.owner.invitation.accept({ token: tokenOf(link) }))).message).toBe("invite.otherEmail");
    expect(await first.owner.invitation.accept({ token: tokenOf(link) })).toEqual({ deskSlug: "invite-second" });
    expect((await first.owner.desk.mine()).map((d) => d.slug).sort()).toEqual(["invite-first", "invite-second"]);
  });

  it("refuses a person already on the desk, a second open invitation and another desk's department", async () => {
    const desk = await readyDesk(database.db, "invite-refusals", ["Support"]);
    const other = await readyDesk(database.db, "invite-other", ["Foreign"]);
    const owner = desk.owner;
    expect((await refusal(owner.staff.invite({ desk: desk.slug, email: desk.values.email, name: "Me", role: "agent", grants: {} }))).message).toBe(
      "invite.alreadyMember",
    );
    await owner.staff.invite({ desk: desk.slug, email: "once@example.com", name: "Once", role: "agent", grants: {} });
    expect((await refusal(owner.staff.invite({ desk: desk.slug, email: "ONCE@example.com", name: "Once", role: "agent", grants: {} }))).message).toBe(
      "invite.alreadyInvited",
    );
    const foreign = await refusal(
      owner.staff.invite({ desk: desk.slug, email: "cross@example.com", name: "Cross", role: "agent", grants: { [other.departmentIds.Foreign!]: "manage" } }),
    );
    expect(foreign.message).toBe("grants.unknownDepartment");
    const open = (await owner.staff.invitations({ desk: desk.slug })).map((i) => i.email);
    expect(open).toEqual(["once@example.com"]);
  });

  it("holds the plan's seat limit, counting open invitations", async () => {
    const desk = await readyDesk(database.db, "invite-seats", ["Support"]);
    await desk.owner.staff.invite({ desk: desk.slug, email: "seat2@example.com", name: "Two", role: "agent", grants: {} });
    const refused = await refusal(desk.owner.staff.invite({ desk: desk.slug, email: "seat3@example.com", name: "Three", role: "agent", grants: {} }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("limits.seats");
    expect((refused.cause as DeskError).params).toEqual({ seats: 2, plan: "Standard" });
    expect((await desk.owner.staff.invitations({ desk: desk.slug })).map((i) => i.email)).toEqual(["seat2@example.com"]);
  });

  it("lets a joined agent work only their desk", async () => {
    const desk = await readyDesk(database.db, "invite-join", ["Support", "Payments"]);
    const { caller } = await inviteAndJoin(database.db, desk, { email: "joiner@example.com", grants: { [desk.departmentIds.Support!]: "view" } });
    expect((await caller.desk.mine()).map((d) => d.slug)).toEqual(["invite-join"]);
    expect((await caller.departments.list({ desk: desk.slug })).map((d) => d.name)).toEqual(["Support"]);
  });
});

// On PGlite every transaction runs after the other, so these pass there even without the lock;
// on Postgres (TEST_DATABASE_URL) the requests really overlap.
describe("the last seat under simultaneous requests", () => {
  const outcomes = (results: PromiseSettledResult<unknown>[]) => ({
    granted: results.filter((r) => r.status === "fulfilled").length,
    refused: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : [])),
  });
  const openInvitations = (tenantId: string) =>
    database.db.select({ email: invitations.email }).from(invitations).where(and(eq(invitations.tenantId, tenantId), sql`${invitations.acceptedAt} is null`));

  it("goes to exactly one of 20 invitations sent at once", async () => {
    // Standard has 2 seats and the owner holds one.
    const desk = await readyDesk(database.db, "invite-race", ["Support"]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => desk.owner.staff.invite({ desk: desk.slug, email: `racer${i}@example.com`, name: `Racer ${i}`, role: "agent", grants: {} })),
    );
    expect(outcomes(results)).toEqual({ granted: 1, refused: Array(19).fill("limits.seats") });
    expect(await openInvitations(desk.tenantId)).toHaveLength(1);
    expect(await database.db.select().from(outbox).where(and(eq(outbox.tenantId, desk.tenantId), eq(outbox.kind, "staff.invitation")))).toHaveLength(1);
  });

  it("goes to exactly one of reactivations and invitations sent at once, beside tickets taking the same lock", async () => {
    const desk = await readyDesk(database.db, "reactivate-race", ["Support"]);
    for (let i = 0; i < 8; i++) await addMember(database.db, desk.tenantId, { email: `former${i}@example.com`, role: "agent", active: false });
    const former = (await desk.owner.staff.list({ desk: desk.slug })).filter((m) => !m.active);
    expect(former).toHaveLength(8);
    const [results, filed] = await Promise.all([
      Promise.allSettled([
        ...former.map((m) => desk.owner.staff.setActive({ desk: desk.slug, membershipId: m.membershipId, active: true })),
        ...former.map((_, i) => desk.owner.staff.invite({ desk: desk.slug, email: `newcomer${i}@example.com`, name: `Newcomer ${i}`, role: "agent", grants: {} })),
      ]),
      Promise.allSettled(former.map((_, i) => fileTicket(desk, { email: `buyer${i}@example.com` }))),
    ]);
    expect(outcomes(results)).toEqual({ granted: 1, refused: Array(15).fill("limits.seats") });
    expect(outcomes(filed)).toEqual({ granted: 8, refused: [] });
    const active = await database.db.select().from(memberships).where(and(eq(memberships.tenantId, desk.tenantId), eq(memberships.active, true)));
    expect(active.length + (await openInvitations(desk.tenantId)).length).toBe(2);
  });
});
