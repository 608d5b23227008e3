import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { accountMail } from "../outbox/schema";
import { findSessionUser, startSession } from "./sessions";
import { checkPassword } from "./sign-in";

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

  it("changes the password only with the current one, and ends every other session", async () => {
    const desk = await readyDesk(database.db, "password-desk", ["Support"]);
    const elsewhere = await startSession(database.db, desk.userId, "password", { ip: "192.0.2.9", userAgent: "Firefox" });
    const wrong = await desk.owner.account.changePassword({ currentPassword: "not my password", newPassword: "a brand new password" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((wrong as TRPCError).message).toBe("password.currentWrong");
    await desk.owner.account.changePassword({ currentPassword: desk.values.password, newPassword: "a brand new password" });
    // This browser stays signed in; the other session is over.
    const sessions = (await desk.owner.account.security()).sessions;
    expect(sessions).toEqual([expect.objectContaining({ current: true })]);
    expect(await findSessionUser(database.db, desk.userId, 0, sessions[0]!.id)).not.toBeNull();
    expect(await findSessionUser(database.db, desk.userId, 0, elsewhere)).toBeNull();
    const client = { ip: "192.0.2.1", device: null };
    expect(await checkPassword(database.db, { email: desk.values.email, password: desk.values.password }, client)).toBeNull();
    expect(await checkPassword(database.db, { email: desk.values.email, password: "a brand new password" }, client)).toMatchObject({ step: "signIn" });
    const mail = await database.db.select({ kind: accountMail.kind }).from(accountMail).where(eq(accountMail.toAddress, desk.values.email));
    expect(mail.map((m) => m.kind)).toContain("account.passwordChanged");
  });
});
