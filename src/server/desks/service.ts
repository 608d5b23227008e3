import { unsafeDeskOfKey } from "../kernel/global-keys";
import { createPerson } from "../auth/people";
import { addOwner } from "../staff/service";
import { getDesk, insertDesk, updateDesk } from "../kernel/desk";
import { eq, sql } from "drizzle-orm";
import { sendConfirmation } from "../auth/confirmation";
import { assertSignUpProof } from "../auth/proof-of-work";
import { users } from "../auth/schema";
import { consumeLimits } from "../kernel/limits";
import { answerAfter } from "../kernel/timing";
import { addressKey, limitedDomain, mailSignUpAttempt } from "./sign-up-mail";
import { grantTrialCredit, openBillingAccount, startChargingTomorrow } from "../billing/account";
import { plans } from "../billing/schema";
import { hashPassword } from "../kernel/password";
import { newId } from "../db/columns";
import type { Database, TenantDb, Transaction } from "../db/types";
import { createDepartments, listDepartments } from "../departments/service";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { type SetupInput, type SignUpInput } from "./inputs";
import { type Desk, type WidgetField } from "../kernel/schema";
import { recordEvent } from "../kernel/events";
import { enterNewDesk } from "../tenancy/accounts";
import { defaultWidgetFields } from "../widget/inputs";

type RequestInfo = { ip: string | null; locale?: "en" | "ru" };

/** Creates the desk and its owner's membership inside tx, then leaves tx scoped to the new desk. */
async function createDeskFor(
  tx: Transaction,
  owner: { userId: string; businessName: string; slug: string; locale: "en" | "ru" },
  info: RequestInfo,
): Promise<{ tenantId: string; scoped: TenantDb }> {
  const tenantId = newId();
  const scoped = await enterNewDesk(tx, tenantId, owner.userId);
  await insertDesk(scoped, {
    id: tenantId,
    slug: owner.slug,
    businessName: owner.businessName,
    displayName: owner.businessName,
    locale: owner.locale,
    widgetFields: defaultWidgetFields,
    createdByUserId: owner.userId,
  });
  await addOwner(scoped, tenantId, owner.userId);
  await openBillingAccount(scoped, tenantId, "UTC");
  await recordEvent(scoped, { tenantId, userId: owner.userId, ip: info.ip }, {
    action: "desk.created",
    objectType: "desk",
    objectId: tenantId,
    summary: { slug: owner.slug, businessName: owner.businessName },
  });
  return { tenantId, scoped };
}

async function assertSlugFree(tx: Transaction, slug: string): Promise<void> {
  // Cross-desk read on purpose: a desk address must be unique across the platform.
  if (await unsafeDeskOfKey(tx, "desk_slug", slug)) {
    throw new DeskError("CONFLICT", "slug.taken", { fields: { slug: "slug.taken" } });
  }
}

/** Sign-up answers take at least this long, whether the address already has an account or not. */
const SIGN_UP_ANSWER_MS = 250;

/**
 * Sign-up. An address belongs to whoever can read its mail, so the answer is always "check your
 * mail to continue", in the same time: a new address gets its person and desk (created together,
 * or not at all) and a confirmation link that opens the desk; an address that already has an
 * account gets a note to its owner ("someone tried to create a desk with your address") and
 * nothing else happens. A proof of work and limits per client, per email domain and per address
 * keep scripts from farming desks or making the platform mail strangers.
 */
export async function signUp(db: Database, input: SignUpInput, info: RequestInfo): Promise<{ status: "checkMail"; email: string }> {
  const started = Date.now();
  await assertSignUpProof(db, input.proof);
  await consumeLimits(
    db,
    [
      ["signUpPerClient", info.ip],
      ["signUpPerDomain", limitedDomain(input.email)],
      ["signUpPerAddress", addressKey(input.email)],
    ],
    "signUp.tooMany",
  );
  const passwordHash = await hashPassword(input.password);
  const locale = info.locale ?? "en";
  await db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const [existing] = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (existing) return mailSignUpAttempt(tx, existing);
    const userId = await createPerson(tx, { email: input.email, name: input.ownerName, passwordHash, locale, verified: false });
    await sendConfirmation(tx, { id: userId, email: input.email, locale });
    // Last: from here the transaction is scoped to the new desk.
    await createDeskFor(tx, { userId, businessName: input.businessName, slug: input.slug, locale }, info);
  });
  return answerAfter(started, SIGN_UP_ANSWER_MS, { status: "checkMail" as const, email: input.email });
}

/**
 * A desk made by the platform itself (the demo desk on an empty database): its owner's address is
 * taken as confirmed and the trial credit given at once. Never reachable from a request.
 */
export async function createDeskWithConfirmedOwner(db: Database, input: Omit<SignUpInput, "proof">): Promise<{ tenantId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const userId = await createPerson(tx, { email: input.email, name: input.ownerName, passwordHash, verified: true });
    const { tenantId, scoped } = await createDeskFor(tx, { userId, businessName: input.businessName, slug: input.slug, locale: "en" }, { ip: null });
    await grantTrialCredit(scoped, tenantId);
    return { tenantId, userId };
  });
}

/** A signed-in person opens one more desk, of which they become the owner. */
export async function createAnotherDesk(
  db: Database,
  userId: string,
  input: { businessName: string; slug: string },
  info: RequestInfo,
): Promise<{ tenantId: string; slug: string }> {
  await consumeLimits(db, [["anotherDeskPerPerson", userId]], "desk.tooManyNew");
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const [person] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    const { tenantId, scoped } = await createDeskFor(tx, { userId, businessName: input.businessName, slug: input.slug, locale: info.locale ?? "en" }, info);
    // A person whose address is proven brings the trial credit with each new desk.
    if (person?.verifiedAt) await grantTrialCredit(scoped, tenantId);
    return { tenantId, slug: input.slug };
  });
}

/** The setup wizard's answers: profile, first departments and the widget form, in one step. */
export async function completeSetup(tx: TenantDb, actor: Actor, input: SetupInput): Promise<Desk> {
  const desk = await getDesk(tx);
  if (desk.setupCompletedAt) throw new DeskError("CONFLICT", "setup.alreadyDone");
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, input.planId));
  if (!plan) throw new DeskError("BAD_REQUEST", "billing.planNotFound", { fields: { planId: "billing.planNotFound" } });
  const existing = new Set((await listDepartments(tx)).map((d) => d.name.toLowerCase()));
  await createDepartments(tx, actor, input.departments.filter((name) => !existing.has(name.toLowerCase())));
  const updated = await updateDesk(tx, {
    displayName: input.displayName,
    locale: input.locale,
    timeZone: input.timeZone,
    widgetFields: input.widgetFields,
    planId: plan.id,
    setupCompletedAt: new Date(),
  });
  await recordEvent(tx, actor, {
    action: "desk.setupCompleted",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { displayName: input.displayName, locale: input.locale, timeZone: input.timeZone, departments: input.departments, plan: plan.id },
  });
  await startChargingTomorrow(tx, input.timeZone);
  return updated;
}

export async function updateDeskProfile(
  tx: TenantDb,
  actor: Actor,
  input: { displayName: string; locale: "en" | "ru"; timeZone: string },
): Promise<Desk> {
  const before = await getDesk(tx);
  const updated = await updateDesk(tx, input);
  await recordEvent(tx, actor, {
    action: "desk.profileUpdated",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: {
      before: { displayName: before.displayName, locale: before.locale, timeZone: before.timeZone },
      after: input,
    },
  });
  return updated;
}

export async function updateWidgetFields(tx: TenantDb, actor: Actor, fields: WidgetField[]): Promise<Desk> {
  const before = await getDesk(tx);
  const updated = await updateDesk(tx, { widgetFields: fields });
  await recordEvent(tx, actor, {
    action: "desk.widgetFieldsUpdated",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { before: before.widgetFields, after: fields },
  });
  return updated;
}

/**
 * Settings → Security (the owner): every member must sign in with a second factor before opening
 * the desk. The owner turns it on only with their own second factor in place, so they cannot lock
 * themselves out.
 */
export async function setRequireTwoFactor(tx: TenantDb, actor: Actor, required: boolean, ownerHasTwoFactor: boolean): Promise<Desk> {
  if (actor.access.role !== "owner") throw new DeskError("FORBIDDEN", "permission.denied");
  if (required && !ownerHasTwoFactor) throw new DeskError("CONFLICT", "twoFactor.ownerFirst");
  const desk = await updateDesk(tx, { requireTwoFactor: required });
  await recordEvent(tx, actor, { action: required ? "desk.twoFactorRequired" : "desk.twoFactorOptional", objectType: "desk", objectId: actor.tenantId });
  return desk;
}
