import { claimGlobalKey } from "../kernel/global-keys";
import { updateDesk } from "../kernel/desk";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { baseUrl } from "@/env";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import type { widgetSettingsInput } from "./inputs";
import { widgets, type Widget } from "./schema";
import { recordEvent } from "../kernel/events";

const newPublicKey = () => `wk_${randomBytes(12).toString("base64url")}`;
const newIdentitySecret = () => randomBytes(32).toString("hex");

/** The desk's widget, created with a fresh key and secret the first time anyone asks. */
export async function ensureWidget(tx: TenantDb, tenantId: string): Promise<Widget> {
  const created = await tx.insert(widgets).values({ tenantId, publicKey: newPublicKey(), identitySecret: newIdentitySecret() }).onConflictDoNothing().returning({ publicKey: widgets.publicKey });
  if (created[0] && !(await claimGlobalKey(tx, "widget_key", created[0].publicKey, tenantId))) throw new Error("A new widget key is already taken.");
  const [row] = await tx.select().from(widgets).where(eq(widgets.tenantId, tenantId));
  return row!;
}

/** The one line a site pastes. */
export const widgetSnippet = (publicKey: string) => `<script src="${baseUrl}/widget.js" data-desk="${publicKey}" async></script>`;

function assertManage(actor: Actor) {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
}

/** Settings → Widget: everything the admin chooses, the snippet, and the identity secret. */
export async function getWidgetSettings(tx: TenantDb, actor: Actor) {
  assertManage(actor);
  const widget = await ensureWidget(tx, actor.tenantId);
  const [desk] = await tx.select({ widgetFields: tenants.widgetFields, displayName: tenants.displayName }).from(tenants).where(eq(tenants.id, actor.tenantId));
  const choices = await tx
    .select({ id: departments.id, name: departments.name, parentId: departments.parentId })
    .from(departments)
    .where(isNull(departments.archivedAt))
    .orderBy(asc(departments.position), asc(departments.name));
  return {
    publicKey: widget.publicKey,
    identitySecret: widget.identitySecret,
    color: widget.color,
    position: widget.position,
    greeting: widget.greeting,
    departmentIds: widget.departmentIds,
    allowedOrigins: widget.allowedOrigins,
    widgetFields: desk!.widgetFields,
    departments: choices,
    snippet: widgetSnippet(widget.publicKey),
    framePath: `/widget/${widget.publicKey}`,
  };
}

type SettingsInput = z.output<z.ZodObject<typeof widgetSettingsInput>>;

export async function updateWidgetSettings(tx: TenantDb, actor: Actor, input: SettingsInput) {
  assertManage(actor);
  await ensureWidget(tx, actor.tenantId);
  const ids = [...new Set(input.departmentIds)];
  if (ids.length) {
    const found = await tx.select({ id: departments.id }).from(departments).where(and(inArray(departments.id, ids), isNull(departments.archivedAt)));
    if (found.length !== ids.length) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { departmentIds: "department.notFound" } });
  }
  const allowedOrigins = [...new Set(input.allowedOrigins)];
  await tx
    .update(widgets)
    .set({ color: input.color, position: input.position, greeting: input.greeting, departmentIds: ids, allowedOrigins })
    .where(eq(widgets.tenantId, actor.tenantId));
  await updateDesk(tx, { widgetFields: input.widgetFields });
  await recordEvent(tx, actor, { action: "widget.updated", objectType: "widget", summary: { allowedOrigins, departments: ids.length } });
  return getWidgetSettings(tx, actor);
}

/** A new identity secret: hashes signed with the old one stop working at once. */
export async function rotateIdentitySecret(tx: TenantDb, actor: Actor) {
  assertManage(actor);
  await ensureWidget(tx, actor.tenantId);
  await tx.update(widgets).set({ identitySecret: newIdentitySecret() }).where(eq(widgets.tenantId, actor.tenantId));
  await recordEvent(tx, actor, { action: "widget.secretRotated", objectType: "widget" });
  return getWidgetSettings(tx, actor);
}

/** Whether a page of this origin may embed the widget. Our own origin always may (preview, help center). */
export function originAllowed(widget: Pick<Widget, "allowedOrigins">, origin: string | null): boolean {
  if (!origin) return false;
  if (origin === new URL(baseUrl).origin) return true;
  return widget.allowedOrigins.includes(origin);
}

/** The CSP frame-ancestors of the widget page: our own origin and the desk's allowed sites. */
export const frameAncestors = (widget: Pick<Widget, "allowedOrigins">) => ["'self'", ...widget.allowedOrigins].join(" ");

/** The identity hash a site computes on its server: HMAC-SHA256 of the lower-cased email, hex. */
export const identityHash = (secret: string, email: string) => createHmac("sha256", secret).update(email.trim().toLowerCase()).digest("hex");

export function identityValid(widget: Pick<Widget, "identitySecret">, identity: { email: string; hash: string }): boolean {
  const expected = Buffer.from(identityHash(widget.identitySecret, identity.email), "hex");
  const given = /^[0-9a-fA-F]{64}$/.test(identity.hash) ? Buffer.from(identity.hash, "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the widget page shows: the desk's name and language, look, fields and departments. */
export async function widgetPublicConfig(tx: TenantDb, widget: Widget) {
  const [desk] = await tx
    .select({ displayName: tenants.displayName, slug: tenants.slug, locale: tenants.locale, widgetFields: tenants.widgetFields })
    .from(tenants)
    .where(eq(tenants.id, widget.tenantId));
  const choices = widget.departmentIds.length
    ? await tx
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(and(inArray(departments.id, widget.departmentIds), isNull(departments.archivedAt)))
        .orderBy(asc(departments.position), asc(departments.name))
    : [];
  return {
    deskName: desk!.displayName,
    slug: desk!.slug,
    locale: desk!.locale,
    color: widget.color,
    position: widget.position,
    greeting: widget.greeting,
    fields: desk!.widgetFields,
    departments: choices,
  };
}
export type WidgetPublicConfig = Awaited<ReturnType<typeof widgetPublicConfig>>;
