import { claimGlobalKey, releaseGlobalKey, unsafeDeskOfKey } from "../kernel/global-keys";
import { createPerson, markEmailVerified } from "../auth/people";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { baseUrl, env } from "@/env";
import { users } from "../auth/schema";
import { hashPassword } from "../kernel/password";
import { assertSeatAvailable } from "./seats";
import type { Database, TenantDb } from "../db/types";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { tenants } from "../kernel/schema";
import { DeskError, uniqueViolation } from "../errors";
import { enqueueMail } from "../outbox/outbox";
import { mailTranslator } from "../outbox/translate";
import type { Actor } from "../kernel/actor";
import type { InviteInput } from "./inputs";
import { departmentGrants, invitations, memberships, type Invitation } from "./schema";
import { assertDepartmentsOfDesk } from "./grants";
import { recordEvent } from "../kernel/events";
import { enterInvitedDesk } from "../tenancy/accounts";
import { lockBillingAccount } from "../kernel/desk";
import { type GrantLevel } from "./values";

const inviteLink = (token: string) => `${baseUrl}/invite/${token}`;

export type InvitationState = "open" | "expired" | "accepted" | "revoked";
export function invitationState(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "open";
}

async function sendInvitationMail(tx: TenantDb, actor: Actor, invitation: Invitation, token: string) {
  const [desk] = await tx.select({ displayName: tenants.displayName, locale: tenants.locale }).from(tenants);
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const t = await mailTranslator(desk!.locale);
  const values = {
    inviter: inviter?.name ?? desk!.displayName,
    desk: desk!.displayName,
    name: invitation.name,
    role: t(`invitation.roles.${invitation.role}`),
    link: inviteLink(token),
    expires: invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
  await enqueueMail(tx, actor.tenantId, {
    kind: "staff.invitation",
    to: invitation.email,
    subject: t("invitation.subject", values),
    text: t("invitation.body", values),
  });
}

/** Invites a person by email. Returns the link once; only its hash is stored. */
export async function inviteStaff(tx: TenantDb, actor: Actor, input: InviteInput): Promise<{ invitation: Omit<Invitation, "tokenHash">; link: string }> {
  const [member] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(sql`lower(${users.email}) = ${input.email}`);
  if (member) throw new DeskError("CONFLICT", "invite.alreadyMember", { fields: { email: "invite.alreadyMember" } });
  const [pending] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(sql`lower(${invitations.email}) = ${input.email}`, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  if (pending) throw new DeskError("CONFLICT", "invite.alreadyInvited", { fields: { email: "invite.alreadyInvited" } });
  await assertDepartmentsOfDesk(tx, Object.keys(input.grants));
  await assertSeatAvailable(tx);
  const token = newSecretToken();
  if (!(await claimGlobalKey(tx, "invitation", hashSecretToken(token), actor.tenantId))) throw new Error("A new invitation token is already taken.");
  let invitation: Invitation;
  try {
    [invitation] = (await tx
      .insert(invitations)
      .values({
        tenantId: actor.tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        grants: input.role === "agent" ? input.grants : {},
        tokenHash: hashSecretToken(token),
        invitedByUserId: actor.userId,
        expiresAt: new Date(Date.now() + env.INVITE_TTL_HOURS * 3_600_000),
      })
      .returning()) as [Invitation];
  } catch (error) {
    if (uniqueViolation(error)) throw new DeskError("CONFLICT", "invite.alreadyInvited", { fields: { email: "invite.alreadyInvited" }, cause: error });
    throw error;
  }
  await recordEvent(tx, actor, {
    action: "staff.invited",
    objectType: "invitation",
    objectId: invitation.id,
    summary: { email: input.email, name: input.name, role: input.role, grants: invitation.grants },
  });
  await sendInvitationMail(tx, actor, invitation, token);
  const { tokenHash: _hash, ...visible } = invitation;
  return { invitation: visible, link: inviteLink(token) };
}

export async function listInvitations(tx: TenantDb) {
  const rows = await tx.select().from(invitations).where(isNull(invitations.acceptedAt)).orderBy(desc(invitations.id)).limit(200);
  return rows.map(({ tokenHash: _hash, ...row }) => ({ ...row, state: invitationState(row) }));
}

async function openInvitation(tx: TenantDb, id: string): Promise<Invitation> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "invite.notFound");
  if (row.acceptedAt || row.revokedAt) throw new DeskError("CONFLICT", "invite.closed");
  return row;
}

export async function revokeInvitation(tx: TenantDb, actor: Actor, id: string): Promise<void> {
  const row = await openInvitation(tx, id);
  await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, row.id));
  await recordEvent(tx, actor, { action: "staff.inviteRevoked", objectType: "invitation", objectId: id, summary: { email: row.email } });
}

/** A fresh link (the old one stops working) and a new expiry, mailed again. */
export async function resendInvitation(tx: TenantDb, actor: Actor, id: string): Promise<{ link: string }> {
  const row = await openInvitation(tx, id);
  const token = newSecretToken();
  await releaseGlobalKey(tx, "invitation", row.tokenHash);
  if (!(await claimGlobalKey(tx, "invitation", hashSecretToken(token), actor.tenantId))) throw new Error("A new invitation token is already taken.");
  const [updated] = await tx
    .update(invitations)
    .set({ tokenHash: hashSecretToken(token), expiresAt: new Date(Date.now() + env.INVITE_TTL_HOURS * 3_600_000) })
    .where(eq(invitations.id, row.id))
    .returning();
  await recordEvent(tx, actor, { action: "staff.inviteResent", objectType: "invitation", objectId: id, summary: { email: row.email } });
  await sendInvitationMail(tx, actor, updated!, token);
  return { link: inviteLink(token) };
}

export type InvitationPreview = {
  state: InvitationState;
  email: string;
  name: string;
  role: "admin" | "agent";
  deskName: string;
  deskSlug: string;
  accountExists: boolean;
};

/**
 * What the invitation page shows. Runs before any desk scope (the token is all the visitor has):
 * it reads the one invitation whose hash matches, across desks, and nothing else.
 */
export async function unsafeFindInvitation(db: Database, token: string): Promise<(InvitationPreview & { tenantId: string }) | null> {
  const tokenHash = hashSecretToken(token);
  const deskId = await unsafeDeskOfKey(db, "invitation", tokenHash);
  if (!deskId) return null;
  const [row] = await db
    .select({ invitation: invitations, deskName: tenants.displayName, deskSlug: tenants.slug })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(and(eq(invitations.tenantId, deskId), eq(invitations.tokenHash, tokenHash)));
  if (!row) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${row.invitation.email})`);
  return {
    tenantId: row.invitation.tenantId,
    state: invitationState(row.invitation),
    email: row.invitation.email,
    name: row.invitation.name,
    role: row.invitation.role,
    deskName: row.deskName,
    deskSlug: row.deskSlug,
    accountExists: Boolean(account),
  };
}

/** Turns an open invitation into a membership, once: the claiming UPDATE is the single-use check. */
async function claimInvitation(tx: TenantDb, tenantId: string, token: string, userId: string, ip: string | null) {
  // The seat lock before the invitation's row, in the order every seat and ticket takes them.
  await lockBillingAccount(tx);
  const [claimed] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(eq(invitations.tokenHash, hashSecretToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())),
    )
    .returning();
  if (!claimed) throw new DeskError("CONFLICT", "invite.closed");
  const [existing] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId));
  if (existing) throw new DeskError("CONFLICT", "invite.alreadyMember");
  await assertSeatAvailable(tx, { excludingOpenInvitation: false });
  const [membership] = await tx.insert(memberships).values({ tenantId, userId, role: claimed.role }).returning();
  const grants = Object.entries(claimed.grants) as [string, GrantLevel][];
  const known = await assertDepartmentsOfDesk(tx, grants.map(([id]) => id), { dropUnknown: true });
  const kept = grants.filter(([id]) => known.has(id));
  if (kept.length > 0) {
    await tx.insert(departmentGrants).values(kept.map(([departmentId, level]) => ({ tenantId, membershipId: membership!.id, departmentId, level })));
  }
  await recordEvent(tx, { tenantId, userId, ip }, {
    action: "staff.joined",
    objectType: "membership",
    objectId: membership!.id,
    summary: { email: claimed.email, role: claimed.role, grants: Object.fromEntries(kept) },
  });
  return membership!;
}

/** Accepts for the signed-in person, whose email must be the invited one. */
export async function acceptInvitationAsUser(
  db: Database,
  token: string,
  user: { id: string; email: string },
  ip: string | null,
): Promise<{ deskSlug: string }> {
  const found = await unsafeFindInvitation(db, token);
  if (!found || found.state !== "open") throw new DeskError("CONFLICT", "invite.closed");
  if (found.email.toLowerCase() !== user.email.toLowerCase()) throw new DeskError("FORBIDDEN", "invite.otherEmail", { params: { email: found.email } });
  await db.transaction(async (tx) => {
    // Following the mailed link proves the address.
    await markEmailVerified(tx, user.id);
    await claimInvitation(await enterInvitedDesk(tx, found.tenantId, user.id), found.tenantId, token, user.id, ip);
  });
  return { deskSlug: found.deskSlug };
}

/** Accepts for someone new to Deskhand: their account is created with the membership. */
export async function acceptInvitationAsNewPerson(
  db: Database,
  input: { token: string; name: string; password: string },
  ip: string | null,
): Promise<{ deskSlug: string; email: string }> {
  const found = await unsafeFindInvitation(db, input.token);
  if (!found || found.state !== "open") throw new DeskError("CONFLICT", "invite.closed");
  if (found.accountExists) throw new DeskError("CONFLICT", "invite.signInFirst");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const userId = await createPerson(tx, { email: found.email, name: input.name, passwordHash, verified: true });
    await claimInvitation(await enterInvitedDesk(tx, found.tenantId, userId), found.tenantId, input.token, userId, ip);
  });
  return { deskSlug: found.deskSlug, email: found.email };
}
