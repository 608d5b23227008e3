import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/server/kernel/schema";
import { users } from "@/server/auth/schema";
import { memberships } from "@/server/staff/schema";
import { callerAs, freshIp, signUpDesk, signUpProof, signUpValues } from "@/test/callers";
import { accountMail } from "../outbox/schema";
import { openTestDatabase } from "@/test/database";
import { tenants } from "../kernel/schema";
import { defaultWidgetFields } from "../widget/inputs";

const database = openTestDatabase();

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const count = async (table: typeof tenants | typeof users) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe("sign-up", () => {
  it("creates the desk, its owner and an audit event in one go", async () => {
    const { tenantId, userId, values } = await signUpDesk(database.db, { slug: "acme-widgets", email: "Ann@Example.com" });
    const [desk] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(desk).toMatchObject({ slug: "acme-widgets", businessName: values.businessName, planId: "standard", setupCompletedAt: null });
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user!.email).toBe("ann@example.com");
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const members = await database.db.select().from(memberships).where(eq(memberships.tenantId, tenantId));
    expect(members).toEqual([expect.objectContaining({ userId, role: "owner", active: true })]);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId));
    expect(events.map((e) => e.action)).toEqual(["desk.created"]);
    expect(events[0]!.ip).toMatch(/^198\.18\./);
  });

  it("refuses a taken desk address and creates nothing", async () => {
    await signUpDesk(database.db, { slug: "taken-desk" });
    const [desksBefore, usersBefore] = [await count(tenants), await count(users)];
    const values = signUpValues({ slug: "taken-desk" });
    const error = await rejection((await callerAs(database.db, null, freshIp())).desk.signUp({ ...values, proof: await signUpProof(database.db) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("slug.taken");
    expect([await count(tenants), await count(users)]).toEqual([desksBefore, usersBefore]);
  });

  it("answers an address that already has an account like a new one, mails its owner and creates nothing", async () => {
    await signUpDesk(database.db, { email: "dup@example.com" });
    const [desksBefore, usersBefore] = [await count(tenants), await count(users)];
    const again = await (await callerAs(database.db, null, freshIp())).desk.signUp({ ...signUpValues({ email: "DUP@example.com" }), proof: await signUpProof(database.db) });
    const fresh = await (await callerAs(database.db, null, freshIp())).desk.signUp({ ...signUpValues({ email: "new-person@example.com" }), proof: await signUpProof(database.db) });
    expect(again).toEqual({ status: "checkMail", email: "dup@example.com" });
    expect(fresh).toEqual({ status: "checkMail", email: "new-person@example.com" });
    expect([await count(tenants), await count(users)]).toEqual([desksBefore + 1, usersBefore + 1]);
    const mailed = await database.db.select({ kind: accountMail.kind }).from(accountMail).where(eq(accountMail.toAddress, "dup@example.com"));
    expect(mailed.map((m) => m.kind)).toEqual(["account.confirm", "account.signUpAttempt"]);
  });

  it.each([
    ["reserved word", { slug: "admin" }, "slug", "slug.reserved"],
    ["malformed slug", { slug: "Bad Slug!" }, "slug", "slug.characters"],
    ["hyphen at the edge", { slug: "-acme" }, "slug", "slug.edges"],
    ["too short slug", { slug: "ab" }, "slug", "slug.tooShort"],
    ["malformed email", { email: "not-an-email" }, "email", "email.invalid"],
    ["short password", { password: "short" }, "password", "password.tooShort"],
    ["over-long business name", { businessName: "x".repeat(121) }, "businessName", "businessName.tooLong"],
  ])("refuses a %s with a field message", async (_label, override, field, key) => {
    const desksBefore = await count(tenants);
    const error = await rejection((await callerAs(database.db)).desk.signUp(signUpValues(override)));
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ path: [field], message: key }));
    expect(await count(tenants)).toBe(desksBefore);
  });

  it("refuses unknown fields such as a tenant id smuggled into the payload", async () => {
    const caller = await callerAs(database.db);
    const error = await rejection(caller.desk.signUp({ ...signUpValues(), tenantId: "00000000-0000-0000-0000-000000000000" } as never));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("setup wizard", () => {
  it("saves the profile, departments and widget form and marks setup done", async () => {
    const { owner, slug } = await signUpDesk(database.db);
    const fields = defaultWidgetFields.map((f) => (f.name === "phone" ? { ...f, enabled: true } : f));
    await owner.desk.completeSetup({
      desk: slug,
      displayName: "Acme Support",
      locale: "ru",
      timeZone: "Europe/Moscow",
      departments: ["Support", "Complaints", "Payments"],
      widgetFields: fields,
    });
    const { desk } = await owner.desk.get({ desk: slug });
    expect(desk).toMatchObject({ displayName: "Acme Support", locale: "ru", timeZone: "Europe/Moscow" });
    expect(desk.setupCompletedAt).toBeInstanceOf(Date);
    expect(desk.widgetFields.find((f) => f.name === "phone")).toEqual({ name: "phone", enabled: true, required: false });
    expect((await owner.departments.list({ desk: slug })).map((d) => d.name)).toEqual(["Support", "Complaints", "Payments"]);
    expect((await owner.desk.mine()).map((d) => d.slug)).toContain(slug);
  });

  it("refuses an unknown time zone and duplicate departments, changing nothing", async () => {
    const { owner, slug } = await signUpDesk(database.db);
    const base = { desk: slug, displayName: "X", locale: "en" as const, widgetFields: defaultWidgetFields };
    const tz = await rejection(owner.desk.completeSetup({ ...base, timeZone: "Mars/Olympus", departments: ["A"] }));
    expect(tz.code).toBe("BAD_REQUEST");
    const dup = await rejection(owner.desk.completeSetup({ ...base, timeZone: "UTC", departments: ["Support", "support"] }));
    expect(dup.code).toBe("BAD_REQUEST");
    expect(await owner.departments.list({ desk: slug })).toEqual([]);
    expect((await owner.desk.get({ desk: slug })).desk.setupCompletedAt).toBeNull();
  });

  it("requires email and message in the widget form", async () => {
    const { owner, slug } = await signUpDesk(database.db);
    const fields = defaultWidgetFields.map((f) => (f.name === "email" ? { ...f, enabled: false } : f));
    const error = await rejection(owner.desk.updateWidgetFields({ desk: slug, fields }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("several desks", () => {
  it("lets a signed-in person open a second desk and lists both", async () => {
    const { owner, slug } = await signUpDesk(database.db);
    await owner.desk.createAnother({ businessName: "Second", slug: `${slug}-two` });
    expect((await owner.desk.mine()).map((d) => d.slug).sort()).toEqual([slug, `${slug}-two`].sort());
  });
});
