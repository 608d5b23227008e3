import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { customerLinks } from "../customers/schema";
import { tenants } from "../kernel/schema";
import { hashSecretToken } from "../kernel/tokens";
import { unsafeDeskOfKey } from "../kernel/global-keys";
import { mailSettings } from "../mail/schema";
import { widgets, type Widget } from "../widget/schema";
import { deskScope, withTenant, type DeskScope } from "./scope";

// The doors of people without an account. Each finds the desk from what the visitor holds — a
// widget's public key, a help centre's address, a customer link's token, a forwarding address's
// secret — reading across desks only the one row that evidence names, then opens that desk's scope.

/**
 * The desk behind a public key, before any desk scope exists: reads one row by its unique key,
 * which is what decides the scope to open. Null for an unknown key.
 */
export async function unsafeFindWidget(db: Database, publicKey: string): Promise<Widget | null> {
  if (!/^wk_[A-Za-z0-9_-]{16}$/.test(publicKey)) return null;
  const deskId = await unsafeDeskOfKey(db, "widget_key", publicKey);
  if (!deskId) return null;
  const [row] = await db.select().from(widgets).where(and(eq(widgets.tenantId, deskId), eq(widgets.publicKey, publicKey)));
  return row ?? null;
}

/**
 * The desk of a public help center, before any desk scope exists: one row by its unique slug,
 * only its public face. Desks that have not finished setup have no help center yet.
 */
export async function unsafeFindPublicDesk(db: Database, slug: string) {
  const deskId = await unsafeDeskOfKey(db, "desk_slug", slug);
  if (!deskId) return null;
  const [row] = await db
    .select({ tenantId: tenants.id, slug: tenants.slug, displayName: tenants.displayName, locale: tenants.locale, setupCompletedAt: tenants.setupCompletedAt })
    .from(tenants)
    .where(eq(tenants.id, deskId));
  return row?.setupCompletedAt ? row : null;
}

export type ResolvedLink = { tenantId: string; customerId: string; ticketId: string | null };

/**
 * The link a token stands for, before any desk scope exists: it reads across desks, but only the
 * one row whose hash matches, which is what decides the scope to open. Expired or unknown: null.
 */
export async function unsafeResolveCustomerLink(db: Database, token: string): Promise<ResolvedLink | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashSecretToken(token);
  const deskId = await unsafeDeskOfKey(db, "customer_link", tokenHash);
  if (!deskId) return null;
  const [row] = await db
    .select({ tenantId: customerLinks.tenantId, customerId: customerLinks.customerId, ticketId: customerLinks.ticketId })
    .from(customerLinks)
    .where(and(eq(customerLinks.tenantId, deskId), eq(customerLinks.tokenHash, tokenHash), or(isNull(customerLinks.expiresAt), gt(customerLinks.expiresAt, new Date()))));
  return row ?? null;
}

/** The desk behind a forwarding key, before any scope exists: one row by its unique secret. */
export async function unsafeFindInboundDesk(db: Database, key: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(key)) return null;
  const deskId = await unsafeDeskOfKey(db, "inbound_key", key);
  if (!deskId) return null;
  const [row] = await db.select({ tenantId: mailSettings.tenantId }).from(mailSettings).where(and(eq(mailSettings.tenantId, deskId), eq(mailSettings.inboundKey, key)));
  return row?.tenantId ?? null;
}

/** A visitor of a desk's widget: the public key names the desk. Null for an unknown key. */
export async function viaWidgetKey<T>(db: Database, key: string, fn: (tx: TenantDb, widget: Widget) => Promise<T>): Promise<T | null> {
  const widget = await unsafeFindWidget(db, key);
  return widget ? withTenant(db, widget.tenantId, (tx) => fn(tx, widget)) : null;
}

export type PublicDesk = NonNullable<Awaited<ReturnType<typeof unsafeFindPublicDesk>>>;

/** A visitor of a desk's help centre: its address names the desk (only desks past setup have one). */
export async function viaHelpCentre<T>(db: Database, slug: string, fn: (tx: TenantDb, desk: PublicDesk) => Promise<T>): Promise<T | null> {
  const desk = await unsafeFindPublicDesk(db, slug);
  return desk ? withTenant(db, desk.tenantId, (tx) => fn(tx, desk)) : null;
}

/** A customer holding a private link: the token names the desk, the customer and maybe the ticket. */
export async function viaCustomerLink<T>(db: Database, token: string, fn: (tx: TenantDb, link: ResolvedLink) => Promise<T>): Promise<T | null> {
  const link = await unsafeResolveCustomerLink(db, token);
  return link ? withTenant(db, link.tenantId, (tx) => fn(tx, link)) : null;
}

/**
 * A mail server holding a desk's forwarding secret. Importing a message takes several short
 * scopes (the raw mail is stored between them), so this hands back the desk's scope to enter.
 */
export async function forwardingAddressScope(db: Database, key: string): Promise<DeskScope | null> {
  const tenantId = await unsafeFindInboundDesk(db, key);
  return tenantId ? deskScope(db, tenantId) : null;
}

/**
 * A sending mail server naming a desk's address (<slug>@INBOUND_MAIL_DOMAIN, or a ticket's reply
 * address under it) at RCPT time: one row by the desk's unique slug. Null for no such desk.
 */
export async function inboundAddressScope(db: Database, slug: string): Promise<DeskScope | null> {
  const deskId = await unsafeDeskOfKey(db, "desk_slug", slug);
  return deskId ? deskScope(db, deskId) : null;
}

/**
 * Whoever holds the link that proves a desk's sending address: the hash of its token names the
 * one desk, then that desk's scope is opened. Null for an unknown token.
 */
export async function viaSendingToken<T>(db: Database, tokenHash: string, fn: (tx: TenantDb, tenantId: string) => Promise<T>): Promise<T | null> {
  const deskId = await unsafeDeskOfKey(db, "sending_token", tokenHash);
  return deskId ? withTenant(db, deskId, (tx) => fn(tx, deskId)) : null;
}
