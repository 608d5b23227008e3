import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/server/kernel/schema";
import { openTestDatabase } from "@/test/database";
import { refusal } from "@/test/expect";
import { readyDesk } from "@/test/desk";
import { departments } from "./schema";
import { createDepartment } from "./service";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();

describe("departments", () => {
  it("creates sub-departments, renames, reorders, archives and restores them", async () => {
    const desk = await readyDesk(database.db, "dept-life", ["Support", "Complaints", "Payments"]);
    const api = desk.owner;
    const people = await api.staff.list({ desk: desk.slug });
    const vip = await api.departments.create({
      desk: desk.slug,
      name: "VIP",
      description: "Customers on the gold contract",
      parentId: desk.departmentIds.Support!,
      isPublic: false,
      responsibleMembershipId: people[0]!.membershipId,
    });
    expect(vip).toMatchObject({ parentId: desk.departmentIds.Support, isPublic: false, responsibleMembershipId: people[0]!.membershipId });

    await api.departments.update({ desk: desk.slug, id: desk.departmentIds.Complaints!, name: "Claims", description: "", parentId: null, isPublic: true, responsibleMembershipId: null });
    await api.departments.move({ desk: desk.slug, id: desk.departmentIds.Payments!, direction: "up" });
    const topLevel = (await api.departments.list({ desk: desk.slug })).filter((d) => !d.parentId).map((d) => d.name);
    expect(topLevel).toEqual(["Support", "Payments", "Claims"]);

    expect((await refusal(api.departments.archive({ desk: desk.slug, id: desk.departmentIds.Support! }))).message).toBe("department.hasChildren");
    await api.departments.archive({ desk: desk.slug, id: vip.id });
    await api.departments.archive({ desk: desk.slug, id: desk.departmentIds.Support! });
    expect((await api.departments.list({ desk: desk.slug })).map((d) => d.name)).toEqual(["Payments", "Claims"]);
    expect((await api.departments.listAll({ desk: desk.slug })).filter((d) => d.archivedAt).map((d) => d.name).sort()).toEqual(["Support", "VIP"]);
    expect((await refusal(api.departments.restore({ desk: desk.slug, id: vip.id }))).message).toBe("department.parentArchived");
    await api.departments.restore({ desk: desk.slug, id: desk.departmentIds.Support! });
    await api.departments.restore({ desk: desk.slug, id: vip.id });
    expect((await api.departments.list({ desk: desk.slug })).map((d) => d.name)).toContain("VIP");

    const actions = (await api.audit.list({ desk: desk.slug, limit: 100 })).events.map((e) => e.action);
    for (const action of ["department.created", "department.updated", "department.moved", "department.archived", "department.restored"]) {
      expect(actions).toContain(action);
    }
  });

  it("refuses a duplicate sibling name, a cycle and an over-long name, changing nothing", async () => {
    const desk = await readyDesk(database.db, "dept-refusals", ["Support"]);
    const api = desk.owner;
    const child = await api.departments.create({ desk: desk.slug, name: "Tier 2", parentId: desk.departmentIds.Support! });
    expect((await refusal(api.departments.create({ desk: desk.slug, name: "support" }))).message).toBe("department.duplicate");
    const cycle = await refusal(
      api.departments.update({ desk: desk.slug, id: desk.departmentIds.Support!, name: "Support", description: "", parentId: child.id, isPublic: true, responsibleMembershipId: null }),
    );
    expect(cycle.message).toBe("department.cycle");
    expect((await refusal(api.departments.create({ desk: desk.slug, name: "x".repeat(81) }))).code).toBe("BAD_REQUEST");
    const all = await api.departments.listAll({ desk: desk.slug });
    expect(all.map((d) => [d.name, d.parentId])).toEqual([
      ["Support", null],
      ["Tier 2", desk.departmentIds.Support],
    ]);
  });

  it("writes the audit event with the change, and neither survives a rollback", async () => {
    const desk = await readyDesk(database.db, "dept-rollback", ["Support"]);
    const countEvents = async () =>
      withTenant(database.db, desk.tenantId, async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n);
    const before = await countEvents();
    const attempt = withTenant(database.db, desk.tenantId, async (tx) => {
      await createDepartment(tx, { tenantId: desk.tenantId, userId: desk.userId, ip: null }, { name: "Doomed", description: "", parentId: null, isPublic: true, responsibleMembershipId: null });
      throw new Error("the request failed after the change");
    });
    await expect(attempt).rejects.toThrow("the request failed after the change");
    expect(await countEvents()).toBe(before);
    const names = await withTenant(database.db, desk.tenantId, async (tx) => (await tx.select({ name: departments.name }).from(departments)).map((d) => d.name));
    expect(names).toEqual(["Support"]);
  });
});
