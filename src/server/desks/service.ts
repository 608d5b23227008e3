import { and, eq, isNull, sql } from "drizzle-orm";
import { recordEvent } from "../audit/service";
import { mailEmailVerification, newEmailVerification } from "../auth/verify-email";
import { openBillingAccount } from "../billing/account";
import { addDays, billingDay } from "../billing/days";
import { billingAccounts, plans } from "../billing/schema";
import { users } from "../auth/schema";
import { hashPassword } from "../auth/password";
import { newId } from "../db/columns";
import { enterTenant } from "../db/tenant";
import type { Database, TenantDb, Transaction } from "../db/types";
import { createDepartments, listDepartments } from "../departments/service";
import { DeskError, uniqueViolation } from "../errors";
import type { Actor } from "../staff/actor";
import { memberships } from "../staff/schema";
import { defaultWidgetFields, type SetupInput, type SignUpInput } from "./inputs";
import { tenants, type Desk, type WidgetField } from "./schema";

type RequestInfo = { ip: string | null; locale?: "en" | "ru" };

/** Creates the desk and its owner's membership inside tx, then leaves tx scoped to the new desk. */
async function createDeskFor(
  tx: Transaction,
  owner: { userId: string; businessName: string; slug: string; locale: "en" | "ru" },
  info: RequestInfo,
): Promise<{ tenantId: string; scoped: TenantDb }> {
  const tenantId = newId();
  const scoped = await enterTenant(tx, tenantId, owner.userId);
  try {
    await scoped.insert(tenants).values({
      id: tenantId,
      slug: owner.slug,
      businessName: owner.businessName,
      displayName: owner.businessName,
      locale: owner.locale,
      widgetFields: defaultWidgetFields,
      createdByUserId: owner.userId,
    });
  } catch (error) {
    if (uniqueViolation(error)?.constraint === "tenants_slug_key") {
      throw new DeskError("CONFLICT", "slug.taken", { fields: { slug: "slug.taken" }, cause: error });
    }
    throw error;
  }
  await scoped.insert(memberships).values({ tenantId, userId: owner.userId, role: "owner" });
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
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (existing) throw new DeskError("CONFLICT", "email.taken", { fields: { email: "email.taken" } });
    await assertSlugFree(tx, input.slug);
    let userId: string;
    try {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.ownerName, passwordHash, locale: info.locale ?? "en" })
        .returning({ id: users.id });
      userId = user!.id;
    } catch (error) {
      if (uniqueViolation(error)) throw new DeskError("CONFLICT", "email.taken", { fields: { email: "email.taken" }, cause: error });
      throw error;
    }
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

export async function getDesk(tx: TenantDb): Promise<Desk> {
  const [desk] = await tx.select().from(tenants);
  if (!desk) throw new DeskError("NOT_FOUND", "desk.notFound");
  return desk;
}

/** The setup wizard's answers: profile, first departments and the widget form, in one step. */
export async function completeSetup(tx: TenantDb, actor: Actor, input: SetupInput): Promise<Desk> {
  const desk = await getDesk(tx);
  if (desk.setupCompletedAt) throw new DeskError("CONFLICT", "setup.alreadyDone");
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, input.planId));
  if (!plan) throw new DeskError("BAD_REQUEST", "billing.planNotFound", { fields: { planId: "billing.planNotFound" } });
  const existing = new Set((await listDepartments(tx)).map((d) => d.name.toLowerCase()));
  await createDepartments(tx, actor, input.departments.filter((name) => !existing.has(name.toLowerCase())));
  const [updated] = await tx
    .update(tenants)
    .set({
      displayName: input.displayName,
      locale: input.locale,
      timeZone: input.timeZone,
      widgetFields: input.widgetFields,
      planId: plan.id,
      setupCompletedAt: new Date(),
    })
    .where(eq(tenants.id, actor.tenantId))
    .returning();
  await recordEvent(tx, actor, {
    action: "desk.setupCompleted",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { displayName: input.displayName, locale: input.locale, timeZone: input.timeZone, departments: input.departments, plan: plan.id },
  });
  // The chosen plan is charged from the next billing day in the desk's own time zone.
  await tx
    .update(billingAccounts)
    .set({ billingStarts: addDays(billingDay(input.timeZone), 1) })
    .where(and(eq(billingAccounts.tenantId, actor.tenantId), isNull(billingAccounts.chargedThrough)));
  return updated!;
}

export async function updateDeskProfile(
  tx: TenantDb,
  actor: Actor,
  input: { displayName: string; locale: "en" | "ru"; timeZone: string },
): Promise<Desk> {
  const before = await getDesk(tx);
  const [updated] = await tx.update(tenants).set(input).where(eq(tenants.id, actor.tenantId)).returning();
  await recordEvent(tx, actor, {
    action: "desk.profileUpdated",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: {
      before: { displayName: before.displayName, locale: before.locale, timeZone: before.timeZone },
      after: input,
    },
  });
  return updated!;
}

export async function updateWidgetFields(tx: TenantDb, actor: Actor, fields: WidgetField[]): Promise<Desk> {
  const before = await getDesk(tx);
  const [updated] = await tx.update(tenants).set({ widgetFields: fields }).where(eq(tenants.id, actor.tenantId)).returning();
  await recordEvent(tx, actor, {
    action: "desk.widgetFieldsUpdated",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { before: before.widgetFields, after: fields },
  });
  return updated!;
}
