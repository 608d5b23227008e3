import { describe, expect, it } from "vitest";
import { callerAs } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { refusal } from "@/test/expect";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { addMember } from "@/test/members";

const database = openTestDatabase();

describe("what an agent without a grant can reach", () => {
  it("sees neither the department in lists nor any staff, log or settings procedure", async () => {
    const desk = await readyDesk(database.db, "perm-agent", ["Support", "Payments"]);
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "agent@perm.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    expect((await agent.departments.list({ desk: desk.slug })).map((d) => d.name)).toEqual(["Support"]);
    for (const call of [
      () => agent.departments.listAll({ desk: desk.slug }),
      () => agent.departments.update({ desk: desk.slug, id: desk.departmentIds.Payments!, name: "Mine now" }),
      () => agent.departments.archive({ desk: desk.slug, id: desk.departmentIds.Payments! }),
      () => agent.staff.list({ desk: desk.slug }),
      () => agent.staff.setGrants({ desk: desk.slug, membershipId: member.membershipId, grants: { [desk.departmentIds.Payments!]: "manage" } }),
      () => agent.staff.invite({ desk: desk.slug, email: "friend@perm.test", name: "Friend", role: "admin", grants: {} }),
      () => agent.audit.list({ desk: desk.slug }),
      () => agent.mail.outbox({ desk: desk.slug }),
    ]) {
      expect((await refusal(call())).code).toBe("FORBIDDEN");
    }
    expect((await desk.owner.staff.list({ desk: desk.slug })).find((m) => m.email === "agent@perm.test")!.grants).toEqual({
      [desk.departmentIds.Support!]: "reply",
    });
    expect((await desk.owner.departments.list({ desk: desk.slug })).map((d) => d.name)).toContain("Payments");
  });

  it("inherits a grant on a parent department into its sub-departments", async () => {
    const desk = await readyDesk(database.db, "perm-tree", ["Support", "Payments"]);
    const vip = await desk.owner.departments.create({ desk: desk.slug, name: "VIP", parentId: desk.departmentIds.Support! });
    const { caller: agent } = await inviteAndJoin(database.db, desk, { email: "tree@perm.test", grants: { [desk.departmentIds.Support!]: "view" } });
    expect((await agent.departments.list({ desk: desk.slug })).map((d) => d.id).sort()).toEqual([desk.departmentIds.Support!, vip.id].sort());
  });
});

describe("managing staff", () => {
  it("changes roles and grants, each with an audit event", async () => {
    const desk = await readyDesk(database.db, "manage-roles", ["Support"]);
    const { member } = await inviteAndJoin(database.db, desk, { email: "roles@manage.test" });
    await desk.owner.staff.setRole({ desk: desk.slug, membershipId: member.membershipId, role: "admin" });
    await desk.owner.staff.setGrants({ desk: desk.slug, membershipId: member.membershipId, grants: { [desk.departmentIds.Support!]: "manage" } });
    const updated = (await desk.owner.staff.list({ desk: desk.slug })).find((m) => m.membershipId === member.membershipId)!;
    expect(updated).toMatchObject({ role: "admin", grants: { [desk.departmentIds.Support!]: "manage" } });
    const actions = (await desk.owner.audit.list({ desk: desk.slug })).events.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["staff.grantsChanged", "staff.roleChanged"]);
  });

  it("never leaves the desk without an active owner, and transfers ownership", async () => {
    const desk = await readyDesk(database.db, "manage-owner", ["Support"]);
    const { caller: admin, member } = await inviteAndJoin(database.db, desk, { email: "admin@owner.test", role: "admin" });
    const ownerMembership = (await desk.owner.staff.list({ desk: desk.slug })).find((m) => m.role === "owner")!;
    expect((await refusal(admin.staff.setActive({ desk: desk.slug, membershipId: ownerMembership.membershipId, active: false }))).message).toBe(
      "staff.ownerProtected",
    );
    expect((await refusal(desk.owner.staff.setActive({ desk: desk.slug, membershipId: ownerMembership.membershipId, active: false }))).message).toBe(
      "staff.notYourself",
    );
    expect((await refusal(admin.staff.setRole({ desk: desk.slug, membershipId: ownerMembership.membershipId, role: "agent" }))).message).toBe("staff.ownerRole");
    expect((await refusal(admin.staff.transferOwnership({ desk: desk.slug, membershipId: member.membershipId }))).code).toBe("FORBIDDEN");

    await desk.owner.staff.transferOwnership({ desk: desk.slug, membershipId: member.membershipId });
    const roles = Object.fromEntries((await admin.staff.list({ desk: desk.slug })).map((m) => [m.email, m.role]));
    expect(roles).toEqual({ [desk.values.email]: "admin", "admin@owner.test": "owner" });
    expect((await admin.desk.get({ desk: desk.slug })).role).toBe("owner");
  });

  it("ends a deactivated person's access at once and lets them back within the seat limit", async () => {
    const desk = await readyDesk(database.db, "manage-active", ["Support"]);
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "leaver@active.test" });
    await desk.owner.staff.setActive({ desk: desk.slug, membershipId: member.membershipId, active: false });
    expect((await refusal(agent.desk.get({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect(await agent.desk.mine()).toEqual([]);
    const history = (await desk.owner.audit.list({ desk: desk.slug, actorUserId: member.userId })).events.map((e) => e.action);
    expect(history).toContain("staff.joined");

    await desk.owner.staff.invite({ desk: desk.slug, email: "newcomer@active.test", name: "Newcomer", role: "agent", grants: {} });
    expect((await refusal(desk.owner.staff.setActive({ desk: desk.slug, membershipId: member.membershipId, active: true }))).message).toBe("limits.seats");
    const [open] = await desk.owner.staff.invitations({ desk: desk.slug });
    await desk.owner.staff.revokeInvitation({ desk: desk.slug, invitationId: open!.id });
    await desk.owner.staff.setActive({ desk: desk.slug, membershipId: member.membershipId, active: true });
    expect((await agent.desk.get({ desk: desk.slug })).role).toBe("agent");
  });

  it("answers NOT_FOUND to another desk's admin naming this desk's people or departments", async () => {
    const mine = await readyDesk(database.db, "cross-mine", ["Support"]);
    const theirs = await readyDesk(database.db, "cross-theirs", ["Secret"]);
    const { member } = await inviteAndJoin(database.db, theirs, { email: "target@cross.test" });
    const strangerGrant = await refusal(
      mine.owner.staff.setGrants({ desk: mine.slug, membershipId: member.membershipId, grants: { [mine.departmentIds.Support!]: "view" } }),
    );
    expect(strangerGrant.code).toBe("NOT_FOUND");
    expect((await refusal(mine.owner.staff.setActive({ desk: mine.slug, membershipId: member.membershipId, active: false }))).code).toBe("NOT_FOUND");
    expect((await refusal(mine.owner.departments.archive({ desk: mine.slug, id: theirs.departmentIds.Secret! }))).code).toBe("NOT_FOUND");
    expect((await refusal(mine.owner.staff.list({ desk: theirs.slug }))).code).toBe("NOT_FOUND");
    const target = (await theirs.owner.staff.list({ desk: theirs.slug })).find((m) => m.membershipId === member.membershipId)!;
    expect(target).toMatchObject({ active: true, grants: {} });
  });

  it("reports activity per person over a date range", async () => {
    const desk = await readyDesk(database.db, "activity-desk", ["Support"]);
    const agent = await addMember(database.db, desk.tenantId, { email: "quiet@activity.test", role: "agent" });
    await (await callerAs(database.db, agent.id)).desk.get({ desk: desk.slug });
    const today = new Date().toISOString().slice(0, 10);
    const rows = await desk.owner.staff.activity({ desk: desk.slug, range: { from: today, to: today } });
    const owner = rows.find((r) => r.role === "owner")!;
    // desk.created, department.created, desk.setupCompleted
    expect(owner.actions).toBe(3);
    expect(owner.lastSeenAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.email === "quiet@activity.test")).toMatchObject({ actions: 0, actionsPerDay: 0 });
    expect((await refusal(desk.owner.staff.activity({ desk: desk.slug, range: { from: today, to: "2000-01-01" } }))).code).toBe("BAD_REQUEST");
  });
});
