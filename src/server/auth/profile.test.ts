import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { users } from "./schema";
import { authenticate, findSessionUser } from "./service";

const database = openTestDatabase();

describe("profile", () => {
  it("saves name, colour, language and this desk's signature", async () => {
    const desk = await readyDesk(database.db, "profile-desk", ["Support"]);
    await desk.owner.account.updateProfile({ desk: desk.slug, name: "Alexandra", avatarColor: "teal", locale: "ru", signature: "— Alexandra, Support" });
    expect(await desk.owner.account.profile({ desk: desk.slug })).toEqual({
      name: "Alexandra",
      email: desk.values.email,
      avatarColor: "teal",
      locale: "ru",
      signature: "— Alexandra, Support",
    });
    const events = (await desk.owner.audit.list({ desk: desk.slug, action: "profile.updated" })).events;
    expect(events).toHaveLength(1);
    const error = await desk.owner.account
      .updateProfile({ desk: desk.slug, name: "A", avatarColor: "teal", locale: "en", signature: "x".repeat(2001) })
      .then(() => null, (e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((await desk.owner.account.profile({ desk: desk.slug })).locale).toBe("ru");
  });

  it("changes the password only with the current one, and ends existing sessions", async () => {
    const desk = await readyDesk(database.db, "password-desk", ["Support"]);
    const wrong = await desk.owner.account
      .changePassword({ desk: desk.slug, currentPassword: "not my password", newPassword: "a brand new password" })
      .then(() => null, (e: unknown) => e);
    expect((wrong as TRPCError).message).toBe("password.currentWrong");
    await desk.owner.account.changePassword({ desk: desk.slug, currentPassword: desk.values.password, newPassword: "a brand new password" });
    expect(await findSessionUser(database.db, desk.userId, 0)).toBeNull();
    const [user] = await database.db.select({ tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, desk.userId));
    expect(user!.tokenVersion).toBe(1);
    expect(await authenticate(database.db, desk.values.email, desk.values.password, "192.0.2.1")).toBeNull();
    expect(await authenticate(database.db, desk.values.email, "a brand new password", "192.0.2.1")).toMatchObject({ id: desk.userId, tokenVersion: 1 });
  });
});
