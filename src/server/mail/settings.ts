import { claimGlobalKey } from "../kernel/global-keys";
import { mailDnsRecords } from "../outbox/transport";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { baseUrl } from "@/env";
import { hasOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { getDesk } from "../kernel/desk";
import { recordEvent } from "../kernel/events";
import { deskAddress } from "../outbox/identity";
import { mailFailures, mailSettings } from "./schema";

/** The desk's inbound settings, created with a fresh forwarding key the first time anyone asks. */
export async function ensureMailSettings(tx: TenantDb, tenantId: string) {
  const created = await tx.insert(mailSettings).values({ tenantId, inboundKey: randomBytes(24).toString("base64url") }).onConflictDoNothing().returning({ inboundKey: mailSettings.inboundKey });
  if (created[0]) await claimGlobalKey(tx, "inbound_key", created[0].inboundKey, tenantId);
  const [row] = await tx.select().from(mailSettings).where(eq(mailSettings.tenantId, tenantId));
  return row!;
}

/** Settings → Mail → Incoming mail rules. Only departments that are not archived; recorded in the event log. */
export async function saveInboundRules(
  tx: TenantDb,
  actor: Actor,
  input: { defaultDepartmentId: string | null; ownAddresses: string[]; maxNewPerHour: number },
): Promise<void> {
  if (input.defaultDepartmentId) {
    const [open] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, input.defaultDepartmentId), isNull(departments.archivedAt)));
    if (!open) throw new DeskError("BAD_REQUEST", "mailbox.departmentInvalid", { fields: { defaultDepartmentId: "mailbox.departmentInvalid" } });
  }
  await ensureMailSettings(tx, actor.tenantId);
  const ownAddresses = [...new Set(input.ownAddresses)];
  await tx.update(mailSettings).set({ defaultDepartmentId: input.defaultDepartmentId, ownAddresses, maxNewPerHour: input.maxNewPerHour, updatedAt: new Date() });
  await recordEvent(tx, actor, { action: "mail.rulesUpdated", objectType: "desk", objectId: actor.tenantId, summary: { defaultDepartmentId: input.defaultDepartmentId, ownAddresses, maxNewPerHour: input.maxNewPerHour } });
}

/**
 * Settings → Mail: the forwarding address to give a mail server, its rules, and the newest mail
 * that could not be imported. Mail integration is a billing option (included on Pro): without it
 * the address is not given out.
 */
export async function inboundOverview(tx: TenantDb, tenantId: string) {
  if (!(await hasOption(tx, "mail"))) return { enabled: false as const, address: null, deskAddress: null, dnsRecords: [], failures: [], rules: null };
  const settings = await ensureMailSettings(tx, tenantId);
  const failures = await tx
    .select({ id: mailFailures.id, error: mailFailures.error, createdAt: mailFailures.createdAt })
    .from(mailFailures)
    .where(isNull(mailFailures.resolvedAt))
    .orderBy(desc(mailFailures.id))
    .limit(50);
  const desk = await getDesk(tx);
  return {
    enabled: true as const,
    address: `${baseUrl}/api/mail/inbound/${settings.inboundKey}`,
    /** The desk's own address at the platform's mail domain (INBOUND_MAIL_DOMAIN), when there is one. */
    deskAddress: deskAddress(desk.slug),
    dnsRecords: mailDnsRecords(),
    failures,
    rules: { ownAddresses: settings.ownAddresses, defaultDepartmentId: settings.defaultDepartmentId, maxNewPerHour: settings.maxNewPerHour },
  };
}

/** Failed mail → Dismiss: junk nobody needs leaves the list; its original stays stored. */
export async function dismissFailedMail(tx: TenantDb, failureId: string): Promise<void> {
  const [row] = await tx
    .update(mailFailures)
    .set({ resolvedAt: new Date() })
    .where(and(eq(mailFailures.id, failureId), isNull(mailFailures.resolvedAt)))
    .returning({ id: mailFailures.id });
  if (!row) throw new DeskError("NOT_FOUND", "mail.failureNotFound");
}
