import { createPerson } from "../auth/people";
import { addOwner } from "../staff/service";
import { getDesk, insertDesk, updateDesk } from "../kernel/desk";
import { eq } from "drizzle-orm";
import { mailEmailVerification, newEmailVerification } from "../auth/verify-email";
import { openBillingAccount, startChargingTomorrow } from "../billing/account";
import { plans } from "../billing/schema";
import { hashPassword } from "../kernel/password";
import { newId } from "../db/columns";
import type { Database, TenantDb, Transaction } from "../db/types";
import { createDepartments, listDepartments } from "../departments/service";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { type SetupInput, type SignUpInput } from "./inputs";
import { tenants, type Desk, type WidgetField } from "../kernel/schema";
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
  const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  if (taken) {
    throw new DeskError("CONFLICT", "slug.taken", { fields: { slug: "slug.taken" } });
  }
}

/** Sign-up: the person and their desk are created together, or not at all. */
export async function signUp(db: Database, input: SignUpInput, info: RequestInfo): Promise<{ tenantId: string; userId: string; slug: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const userId = await createPerson(tx, { email: input.email, name: input.ownerName, passwordHash, locale: info.locale ?? "en", verified: false });
    const token = await newEmailVerification(tx, userId);
    const { tenantId, scoped } = await createDeskFor(tx, { userId, businessName: input.businessName, slug: input.slug, locale: info.locale ?? "en" }, info);
    await mailEmailVerification(scoped, tenantId, { email: input.email, locale: info.locale ?? "en" }, token);
    return { tenantId, userId, slug: input.slug };
  });
}

/** A signed-in person opens one more desk, of which they become the owner. */
export async function createAnotherDesk(
  db: Database,
  userId: string,
  input: { businessName: string; slug: string },
  info: RequestInfo,
): Promise<{ tenantId: string; slug: string }> {
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const { tenantId } = await createDeskFor(tx, { userId, businessName: input.businessName, slug: input.slug, locale: info.locale ?? "en" }, info);
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
