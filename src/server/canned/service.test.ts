import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";

const database = openTestDatabase();

describe("canned replies", () => {
  it("are shared by the desk or personal, and only owners and admins write shared ones", async () => {
    const desk = await readyDesk(database.db, "canned-desk", ["Support"]);
    const other = await readyDesk(database.db, "canned-other", ["Support"]);
    const { caller: ann } = await inviteAndJoin(database.db, desk, { email: "ann@canned.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    await desk.owner.canned.create({ desk: desk.slug, title: "Greeting", folder: "Basics", body: "Hello {{customer.name}}", shared: true, setStatus: "pending", addTags: ["greeted"] });
    await ann.canned.create({ desk: desk.slug, title: "Mine", body: "My own words" });
    const denied = await ann.canned.create({ desk: desk.slug, title: "Shared by agent", body: "x", shared: true }).then(() => null, (e: unknown) => e);
    expect((denied as TRPCError).message).toBe("canned.sharedAdminsOnly");
    const unknown = await ann.canned.create({ desk: desk.slug, title: "Bad", body: "Hi {{customer.nickname}}" }).then(() => null, (e: unknown) => e);
    expect((unknown as TRPCError).message).toBe("macros.unknown");

    expect((await ann.canned.list({ desk: desk.slug })).map((c) => [c.title, c.shared, c.editable])).toEqual([
      ["Mine", false, true],
      ["Greeting", true, false],
    ]);
    expect((await desk.owner.canned.list({ desk: desk.slug })).map((c) => c.title)).toEqual(["Greeting"]);
    expect(await other.owner.canned.list({ desk: other.slug })).toEqual([]);
    const greeting = (await ann.canned.list({ desk: desk.slug })).find((c) => c.title === "Greeting")!;
    expect((await ann.canned.delete({ desk: desk.slug, id: greeting.id }).then(() => null, (e: unknown) => e) as TRPCError).message).toBe("canned.sharedAdminsOnly");
    expect((await other.owner.canned.delete({ desk: other.slug, id: greeting.id }).then(() => null, (e: unknown) => e) as TRPCError).code).toBe("NOT_FOUND");
  });
});
