import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/server/db/client";
import { appRouter } from "@/server/root";
import { createTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { recordEvent } from "../kernel/events";
import { withTenant } from "@/server/tenancy/scope";

let database: OpenDatabase;
let desk: Awaited<ReturnType<typeof readyDesk>>;
let agentUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  desk = await readyDesk(database.db, "log-desk", ["Support"]);
  const { member } = await inviteAndJoin(database.db, desk, { email: "logger@log.test", grants: { [desk.departmentIds.Support!]: "reply" } });
  agentUserId = member.userId;
  // 240 more events by the owner, as a busy month of department edits would leave.
  await withTenant(database.db, desk.tenantId, async (tx) => {
    for (let i = 0; i < 240; i++) {
      await recordEvent(tx, { tenantId: desk.tenantId, userId: desk.userId, ip: "198.51.100.4" }, { action: "department.updated", objectType: "department", summary: { name: `Edit ${i}` } });
    }
  });
});
afterAll(async () => {
  await database.close();
});

describe("event log", () => {
  it("pages through every event newest first without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: { id: string }[]; nextCursor: string | null } = await desk.owner.audit.list({ desk: desk.slug, cursor, limit: 100 });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(245);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("filters by person, by action and by day", async () => {
    const byAgent = await desk.owner.audit.list({ desk: desk.slug, actorUserId: agentUserId });
    expect(byAgent.events.map((e) => e.action)).toEqual(["staff.joined"]);
    const invites = await desk.owner.audit.list({ desk: desk.slug, action: "staff.invited" });
    expect(invites.events).toHaveLength(1);
    expect(invites.events[0]).toMatchObject({ summary: expect.objectContaining({ email: "logger@log.test" }) });
    const today = new Date().toISOString().slice(0, 10);
    const todays = await desk.owner.audit.list({ desk: desk.slug, from: today, to: today, limit: 10 });
    expect(todays.events).toHaveLength(10);
    const lastYear = await desk.owner.audit.list({ desk: desk.slug, from: "2025-01-01", to: "2025-12-31" });
    expect(lastYear.events).toEqual([]);
    expect(await desk.owner.audit.actions({ desk: desk.slug })).toEqual(
      expect.arrayContaining(["department.created", "department.updated", "desk.created", "staff.invited", "staff.joined"]),
    );
  });

  it("offers no procedure that changes or deletes an event, and bounds the page size", async () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((name) => name.startsWith("audit."));
    expect(procedures.sort()).toEqual(["audit.actions", "audit.list"]);
    const error = await desk.owner.audit.list({ desk: desk.slug, limit: 1000 }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
  });
});
