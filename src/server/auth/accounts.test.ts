import { and, eq, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterEach, describe, expect, it, vi } from "vitest";
import { baseUrl } from "@/env";
import { callerAs, freshIp, mailedLink, signUpDesk, signUpProof, signUpUnconfirmed, signUpValues } from "@/test/callers";
import { openTestDatabase } from "@/test/database";
import { readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { ledgerEntries } from "../billing/schema";
import { tenants } from "../kernel/schema";
import { accountMail, outbox } from "../outbox/schema";
import { unsafeDeskScope } from "../tenancy/platform";
import { readDevice } from "./devices";
import { users } from "./schema";
import { findSessionUser, startSession } from "./sessions";
import { checkPassword, delayAfterFailures } from "./sign-in";

const database = openTestDatabase();
afterEach(() => vi.useRealTimers());

const anonymous = (ip = freshIp()) => callerAs(database.db, null, ip);
const mailsTo = (to: string) => database.db.select({ kind: accountMail.kind, text: accountMail.textBody }).from(accountMail).where(sql`lower(${accountMail.toAddress}) = ${to.toLowerCase()}`).orderBy(accountMail.id);
const client = (ip: string) => ({ ip, device: null });
const tokenVersionOf = async (userId: string) => (await database.db.select({ v: users.tokenVersion }).from(users).where(eq(users.id, userId)))[0]!.v;
const later = (ms: number) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
};

describe("forgot password", () => {
  it("answers known and unknown addresses alike, mails a single-use link built from APP_URL, and the link dies after an hour", async () => {
    const desk = await signUpDesk(database.db);
    const caller = await anonymous();
    expect(await caller.account.forgotPassword({ email: desk.values.email })).toEqual({ sent: true });
    expect(await caller.account.forgotPassword({ email: "nobody-here@example.com" })).toEqual({ sent: true });
    expect((await mailsTo("nobody-here@example.com")).length).toBe(0);
    const [mail] = (await mailsTo(desk.values.email)).filter((m) => m.kind === "account.resetPassword");
    expect(mail!.text).toContain(`${baseUrl}/reset-password/`);
    const token = await mailedLink(database.db, desk.values.email, "reset-password");
    expect(await caller.account.resetLink({ token })).toBe("usable");
    // An hour later the link is expired, says so, and changes nothing.
    later(61 * 60_000);
    expect(await caller.account.resetLink({ token })).toBe("expired");
    expect((await refusal(caller.account.resetPassword({ token, password: "a brand new password" }))).message).toBe("reset.invalid");
    vi.useRealTimers();
    expect(await checkPassword(database.db, { email: desk.values.email, password: desk.values.password }, client(freshIp()))).toMatchObject({ step: "signIn" });
  });

  it("sets the new password once, ends every session and cookie, verifies the address and tells the owner", async () => {
    const desk = await signUpDesk(database.db);
    const session = await startSession(database.db, desk.userId, "password", { ip: "192.0.2.10", userAgent: null });
    const version = await tokenVersionOf(desk.userId);
    await (await anonymous()).account.forgotPassword({ email: desk.values.email });
    const token = await mailedLink(database.db, desk.values.email, "reset-password");
    const reset = await (await anonymous()).account.resetPassword({ token, password: "a brand new password" });
    expect(reset).toEqual({ step: "signIn", ticket: expect.any(String) });
    expect(await findSessionUser(database.db, desk.userId, version, session)).toBeNull();
    expect(await tokenVersionOf(desk.userId)).toBe(version + 1);
    expect((await refusal((await anonymous()).account.resetPassword({ token, password: "another new password" }))).message).toBe("reset.invalid");
    expect(await (await anonymous()).account.resetLink({ token })).toBe("used");
    expect((await mailsTo(desk.values.email)).map((m) => m.kind)).toContain("account.passwordChanged");
    expect(await checkPassword(database.db, { email: desk.values.email, password: desk.values.password }, client(freshIp()))).toBeNull();
    expect(await checkPassword(database.db, { email: desk.values.email, password: "a brand new password" }, client(freshIp()))).toMatchObject({ step: "signIn" });
  });

  it("is limited per address and per client", async () => {
    const ip = freshIp();
    const caller = await anonymous(ip);
    for (let i = 0; i < 5; i++) await caller.account.forgotPassword({ email: `someone-${i}@example.com` });
    expect((await refusal(caller.account.forgotPassword({ email: "someone-else@example.com" }))).code).toBe("TOO_MANY_REQUESTS");
    for (let i = 0; i < 5; i++) await (await anonymous()).account.forgotPassword({ email: "targeted@example.com" });
    expect((await refusal((await anonymous()).account.forgotPassword({ email: "targeted@example.com" }))).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("an address belongs to whoever reads its mail", () => {
  it("a squatter who signed up with someone else's address loses the account when the owner resets", async () => {
    // Mallory signs up with Bea's address; she never sees the confirmation link.
    const squatted = await signUpUnconfirmed(database.db, { email: "bea@squatted.example", password: "mallory's password" });
    expect(await checkPassword(database.db, { email: "bea@squatted.example", password: "mallory's password" }, client(freshIp()))).toEqual({ step: "confirm" });
    const malloryVersion = await tokenVersionOf(squatted.userId);
    const mallorySession = await startSession(database.db, squatted.userId, "test", { ip: null, userAgent: null });
    // Bea tries to sign up: the same answer as anyone gets, and a note in her mailbox.
    const answer = await (await anonymous()).desk.signUp({ ...signUpValues({ email: "bea@squatted.example" }), proof: await signUpProof(database.db) });
    expect(answer).toEqual({ status: "checkMail", email: "bea@squatted.example" });
    expect((await mailsTo("bea@squatted.example")).map((m) => m.kind)).toContain("account.signUpAttempt");
    // She resets: the account is hers, Mallory's password and session are dead.
    await (await anonymous()).account.forgotPassword({ email: "bea@squatted.example" });
    await (await anonymous()).account.resetPassword({ token: await mailedLink(database.db, "bea@squatted.example", "reset-password"), password: "bea's own password" });
    expect(await findSessionUser(database.db, squatted.userId, malloryVersion, mallorySession)).toBeNull();
    expect(await checkPassword(database.db, { email: "bea@squatted.example", password: "mallory's password" }, client(freshIp()))).toBeNull();
    expect(await checkPassword(database.db, { email: "bea@squatted.example", password: "bea's own password" }, client(freshIp()))).toMatchObject({ step: "signIn" });
  });

  it("holds an unconfirmed desk's customer mail and gives its trial credit only at confirmation, once", async () => {
    const desk = await signUpUnconfirmed(database.db);
    await desk.owner.desk.completeSetup({ desk: desk.slug, displayName: "Unconfirmed", locale: "en", timeZone: "UTC", departments: ["Support"], widgetFields: (await import("../widget/inputs")).defaultWidgetFields });
    const support = (await desk.owner.departments.list({ desk: desk.slug }))[0]!;
    const ticket = await fileTicket({ ...desk, departmentIds: { Support: support.id } } as never, { email: "customer@example.com" });
    await desk.owner.tickets.reply({ desk: desk.slug, ticketId: ticket.id, body: "We are on it.", kind: "reply", expectedVersion: ticket.version });
    const deskMail = () => unsafeDeskScope(database.db, desk.tenantId, "test").run((tx) => tx.select({ kind: outbox.kind, status: outbox.status }).from(outbox).where(eq(outbox.toAddress, "customer@example.com")));
    const trials = () => database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.tenantId, desk.tenantId), eq(ledgerEntries.kind, "trial")));
    expect(await deskMail()).toEqual([{ kind: "ticket.reply", status: "held" }]);
    expect(await trials()).toHaveLength(0);
    const token = await mailedLink(database.db, desk.values.email, "verify-email");
    await (await anonymous()).account.verifyEmail({ token });
    expect(await deskMail()).toEqual([{ kind: "ticket.reply", status: "stored" }]);
    expect(await trials()).toHaveLength(1);
    // A second confirmation (a new link after a sign-in attempt) gives nothing twice.
    await checkPassword(database.db, { email: desk.values.email, password: desk.values.password }, client(freshIp()));
    const [again] = await database.db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, desk.userId));
    expect(again!.verifiedAt).not.toBeNull();
    expect(await trials()).toHaveLength(1);
  });
});

describe("sign-up that cannot be farmed", () => {
  it("refuses a sign-up without a solved challenge, with a tampered one, or with one already used", async () => {
    const values = signUpValues();
    expect((await refusal((await anonymous()).desk.signUp(values))).message).toBe("signUp.proofMissing");
    const proof = await signUpProof(database.db);
    const tampered = { ...proof, solution: { ...proof.solution, counter: proof.solution.counter + 1 } };
    expect((await refusal((await anonymous()).desk.signUp({ ...values, proof: tampered }))).message).toBe("signUp.proofInvalid");
    await (await anonymous()).desk.signUp({ ...values, proof });
    expect((await refusal((await anonymous()).desk.signUp({ ...signUpValues(), proof }))).message).toBe("signUp.proofInvalid");
    expect(await database.db.select().from(tenants).where(eq(tenants.slug, values.slug))).toHaveLength(1);
  });

  it("is limited per client address and per email domain (public mail providers per address)", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await (await anonymous(ip)).desk.signUp({ ...signUpValues(), proof: await signUpProof(database.db) });
    const refused = await refusal((await anonymous(ip)).desk.signUp({ ...signUpValues(), proof: await signUpProof(database.db) }));
    expect([refused.code, refused.message]).toEqual(["TOO_MANY_REQUESTS", "signUp.tooMany"]);
    for (let i = 0; i < 20; i++) await (await anonymous()).desk.signUp({ ...signUpValues({ email: `person-${i}@farm.example` }), proof: await signUpProof(database.db) });
    expect((await refusal((await anonymous()).desk.signUp({ ...signUpValues({ email: "person-21@farm.example" }), proof: await signUpProof(database.db) }))).code).toBe("TOO_MANY_REQUESTS");
    // gmail.com is not limited as a domain, but "+tags" are one address.
    for (let i = 0; i < 3; i++) await (await anonymous()).desk.signUp({ ...signUpValues({ email: `farmer+${i}@gmail.com` }), proof: await signUpProof(database.db) });
    expect((await refusal((await anonymous()).desk.signUp({ ...signUpValues({ email: "farmer+9@gmail.com" }), proof: await signUpProof(database.db) }))).code).toBe("TOO_MANY_REQUESTS");
    await (await anonymous()).desk.signUp({ ...signUpValues({ email: "someone.else@gmail.com" }), proof: await signUpProof(database.db) });
  });
});

describe("guessing a password", () => {
  it("slows every further attempt on the account after five failures, from any of ten addresses, and lets the owner in after the wait", async () => {
    const desk = await signUpDesk(database.db);
    const email = desk.values.email;
    expect(delayAfterFailures(4)).toBe(0);
    for (let i = 1; i <= 5; i++) expect(await checkPassword(database.db, { email, password: `guess ${i}` }, client(`192.0.2.${i}`))).toBeNull();
    for (let i = 6; i <= 10; i++) {
      const error = await checkPassword(database.db, { email, password: desk.values.password }, client(`192.0.2.${i}`)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "signIn.slowedDown" });
    }
    later(delayAfterFailures(5) * 1000 + 1000);
    expect(await checkPassword(database.db, { email, password: desk.values.password }, client("192.0.2.11"))).toMatchObject({ step: "signIn" });
  });

  it("keeps a browser the owner signed in from before working while others are held, and mails the owner after many failures", async () => {
    const desk = await signUpDesk(database.db);
    const email = desk.values.email;
    const known = await checkPassword(database.db, { email, password: desk.values.password }, client(freshIp()));
    const device = readDevice(known?.step === "signIn" ? known.deviceToken : null);
    expect(device).toMatchObject({ userId: desk.userId });
    for (let i = 0; i < 10; i++) {
      later(i * 16 * 60_000);
      await checkPassword(database.db, { email, password: "wrong" }, client(`198.51.100.${i + 1}`)).catch(() => null);
    }
    await expect(checkPassword(database.db, { email, password: desk.values.password }, client("198.51.100.99"))).rejects.toMatchObject({ messageKey: "signIn.slowedDown" });
    expect(await checkPassword(database.db, { email, password: desk.values.password }, { ip: "198.51.100.99", device })).toMatchObject({ step: "signIn" });
    expect((await mailsTo(email)).filter((m) => m.kind === "account.signInAlert")).toHaveLength(1);
  });
});

describe("two-factor sign-in", () => {
  const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

  it("enrols with a code, then asks for a code at sign-in, refuses a replayed one, and takes each recovery code once", async () => {
    const desk = await signUpDesk(database.db);
    const { secret, uri, qrSvg } = await desk.owner.account.beginTwoFactor();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain("<svg");
    expect((await refusal(desk.owner.account.confirmTwoFactor({ code: "000000" }))).message).toBe("twoFactor.codeWrong");
    const { recoveryCodes } = await desk.owner.account.confirmTwoFactor({ code: codeAt(secret, Date.now()) });
    expect(recoveryCodes).toHaveLength(10);
    expect((await desk.owner.account.security()).twoFactor).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await desk.owner.audit.list({ desk: desk.slug, action: "auth.twoFactorEnabled" })).events).toHaveLength(1);

    const password = async () => {
      const step = await (await anonymous()).account.signIn({ email: desk.values.email, password: desk.values.password });
      expect(step).toMatchObject({ step: "code" });
      return (step as { ticket: string }).ticket;
    };
    // The code of the step used at enrolment cannot sign in; the next step's can, once.
    const ticket = await password();
    const nextStep = Date.now() + 30_000;
    later(30_000);
    const code = codeAt(secret, nextStep);
    expect(await (await anonymous()).account.signInCode({ ticket, code })).toEqual({ ticket: expect.any(String) });
    const replay = await password();
    expect((await refusal((await anonymous()).account.signInCode({ ticket: replay, code }))).message).toBe("twoFactor.codeWrong");
    // A recovery code works once.
    expect(await (await anonymous()).account.signInCode({ ticket: replay, code: recoveryCodes[0]!.toUpperCase() })).toEqual({ ticket: expect.any(String) });
    expect((await refusal((await anonymous()).account.signInCode({ ticket: await password(), code: recoveryCodes[0]! }))).message).toBe("twoFactor.codeWrong");
    expect((await desk.owner.account.security()).twoFactor.recoveryCodesLeft).toBe(9);
    expect((await desk.owner.audit.list({ desk: desk.slug, action: "auth.recoveryCodeUsed" })).events).toHaveLength(1);
    // Turning it off asks for the password and a code.
    expect((await refusal(desk.owner.account.disableTwoFactor({ password: "wrong password", code: recoveryCodes[1]! }))).message).toBe("password.currentWrong");
    await desk.owner.account.disableTwoFactor({ password: desk.values.password, code: recoveryCodes[1]! });
    expect(await (await anonymous()).account.signIn({ email: desk.values.email, password: desk.values.password })).toMatchObject({ step: "signIn" });
  });

  it("ends a second-factor ticket after five wrong codes", async () => {
    const desk = await signUpDesk(database.db);
    const { secret } = await desk.owner.account.beginTwoFactor();
    await desk.owner.account.confirmTwoFactor({ code: codeAt(secret, Date.now()) });
    const step = (await (await anonymous()).account.signIn({ email: desk.values.email, password: desk.values.password })) as { ticket: string };
    for (let i = 0; i < 5; i++) await refusal((await anonymous()).account.signInCode({ ticket: step.ticket, code: "123456" }));
    expect((await refusal((await anonymous()).account.signInCode({ ticket: step.ticket, code: "123456" }))).message).toBe("signIn.codeExpired");
  });

  it("lets an owner require it for the desk: members without it are refused until they enrol", async () => {
    const desk = await readyDesk(database.db, "two-factor-desk", ["Support"]);
    expect((await refusal(desk.owner.desk.setRequireTwoFactor({ desk: desk.slug, required: true }))).message).toBe("twoFactor.ownerFirst");
    const { secret } = await desk.owner.account.beginTwoFactor();
    await desk.owner.account.confirmTwoFactor({ code: codeAt(secret, Date.now()) });
    const owner = await callerAs(database.db, desk.userId);
    await owner.desk.setRequireTwoFactor({ desk: desk.slug, required: true });
    const { inviteAndJoin } = await import("@/test/desk");
    const { caller: agent } = await inviteAndJoin(database.db, { ...desk, owner }, { email: "no-second-factor@example.com" });
    const refused = await refusal(agent.desk.get({ desk: desk.slug }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "twoFactor.requiredByDesk"]);
    const enrolment = await agent.account.beginTwoFactor();
    await agent.account.confirmTwoFactor({ code: codeAt(enrolment.secret, Date.now()) });
    const [agentUser] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "no-second-factor@example.com"));
    expect((await (await callerAs(database.db, agentUser!.id)).desk.get({ desk: desk.slug })).role).toBe("agent");
    // Another desk's owner cannot change this desk's rule.
    const stranger = await readyDesk(database.db, "two-factor-stranger", ["Support"]);
    expect((await refusal(stranger.owner.desk.setRequireTwoFactor({ desk: desk.slug, required: false }))).code).toBe("NOT_FOUND");
  });
});

describe("sessions", () => {
  it("lists the person's signed-in sessions and ends one or all others, never someone else's", async () => {
    const desk = await signUpDesk(database.db);
    const phone = await startSession(database.db, desk.userId, "password", { ip: "192.0.2.50", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
    const laptop = await startSession(database.db, desk.userId, "password", { ip: "192.0.2.51", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" });
    const listed = (await desk.owner.account.security()).sessions;
    expect(listed.map((s) => [s.id === phone || s.id === laptop ? "other" : "this", s.current])).toEqual(expect.arrayContaining([["this", true], ["other", false], ["other", false]]));
    await desk.owner.account.revokeSession({ sessionId: phone });
    expect(await findSessionUser(database.db, desk.userId, 0, phone)).toBeNull();
    const someoneElse = await signUpDesk(database.db);
    expect((await refusal(someoneElse.owner.account.revokeSession({ sessionId: laptop }))).code).toBe("NOT_FOUND");
    expect(await findSessionUser(database.db, desk.userId, 0, laptop)).not.toBeNull();
    expect(await desk.owner.account.revokeOtherSessions()).toEqual({ ended: 1 });
    expect((await desk.owner.account.security()).sessions).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("gets a field error and changes nothing", async () => {
    const caller = await anonymous();
    expect((await refusal(caller.account.forgotPassword({ email: "not an email" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller.account.signIn({ email: "someone@example.com", password: "x".repeat(201) }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller.account.signInCode({ ticket: "x".repeat(43), code: "12" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller.account.resetPassword({ token: "not-a-token", password: "long enough password" }))).message).toBe("reset.invalid");
    expect((await refusal(caller.account.verifyEmail({ token: "x".repeat(43) }))).message).toBe("verifyEmail.invalid");
  });
});

describe("signing in with the company's identity provider", () => {
  it("links only an address the provider says is verified, makes an account for a new one, and still asks for the second factor", async () => {
    const { signInWithProvider } = await import("./provider");
    const desk = await signUpDesk(database.db);
    const web = { ip: "192.0.2.77", userAgent: "Chrome" };
    expect(await signInWithProvider(database.db, { email: desk.values.email, emailVerified: false }, web)).toEqual({ step: "refused" });
    expect(await signInWithProvider(database.db, { email: null, emailVerified: true }, web)).toEqual({ step: "refused" });
    const linked = await signInWithProvider(database.db, { email: desk.values.email.toUpperCase(), emailVerified: true }, web);
    expect(linked).toMatchObject({ step: "signedIn", user: { id: desk.userId } });
    expect((await desk.owner.account.security()).sessions.map((s) => s.method)).toContain("oidc");
    const fresh = await signInWithProvider(database.db, { email: "new-colleague@corp.example", emailVerified: "true", name: "New Colleague" }, web);
    expect(fresh).toMatchObject({ step: "signedIn", user: { email: "new-colleague@corp.example", name: "New Colleague" } });
    const [created] = await database.db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.email, "new-colleague@corp.example"));
    expect(created!.verifiedAt).not.toBeNull();
    const { secret } = await desk.owner.account.beginTwoFactor();
    await desk.owner.account.confirmTwoFactor({ code: new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate() });
    expect(await signInWithProvider(database.db, { email: desk.values.email, emailVerified: true }, web)).toMatchObject({ step: "code", ticket: expect.any(String) });
  });
});
