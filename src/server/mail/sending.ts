import { claimGlobalKey, releaseGlobalKey } from "../kernel/global-keys";
import { eq } from "drizzle-orm";
import { baseUrl, env } from "@/env";
import type { Database, TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { getDesk } from "../kernel/desk";
import { recordEvent } from "../kernel/events";
import { seal } from "../kernel/secret-box";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { isPrivateAddress, resolvePublicAddress } from "../net/public-address";
import { deskAddress } from "../outbox/identity";
import { enqueueMail } from "../outbox/outbox";
import { deskTransport, dkimOptions, SMTP_SECRET_PURPOSE } from "../outbox/transport";
import { mailTranslator } from "../outbox/translate";
import { viaSendingToken } from "../tenancy/public";
import type { DeskScope } from "../tenancy/platform";
import { mailSettings } from "./schema";
import { ensureMailSettings } from "./settings";

/** How long the link that proves a sending address stays good. */
const CONFIRM_HOURS = 48;

/** Settings → Mail → Sending: who customers see the desk's mail from, and how it leaves. */
export async function sendingOverview(tx: TenantDb, tenantId: string) {
  const settings = await ensureMailSettings(tx, tenantId);
  const desk = await getDesk(tx);
  return {
    senderName: settings.senderName,
    defaultSenderName: desk.displayName,
    platformAddress: deskAddress(desk.slug),
    address: settings.sendingAddress,
    verified: Boolean(settings.sendingAddressVerifiedAt),
    mode: settings.sendingMode,
    smtp: settings.smtpHost
      ? { host: settings.smtpHost, port: settings.smtpPort ?? 587, security: settings.smtpSecurity ?? "starttls", username: settings.smtpUsername ?? "", hasPassword: Boolean(settings.smtpPasswordSecret), lastError: settings.smtpLastError }
      : null,
    /** The platform signs with DKIM for its own domain; a desk's own domain needs SPF/DKIM for it to be trusted. */
    dkimDomain: dkimOptions()?.domainName ?? null,
  };
}

export async function saveSenderName(tx: TenantDb, actor: Actor, senderName: string | null): Promise<void> {
  await ensureMailSettings(tx, actor.tenantId);
  await tx.update(mailSettings).set({ senderName: senderName || null, updatedAt: new Date() });
  await recordEvent(tx, actor, { action: "mail.senderUpdated", objectType: "desk", objectId: actor.tenantId, summary: { senderName } });
}

/**
 * The desk wants to send from its own address: until the link mailed there is followed (or the
 * confirmation mail, forwarded to the desk's own address, comes back in), mail keeps going from the
 * desk's address at the platform. A new address starts unproven.
 */
export async function requestSendingAddress(tx: TenantDb, actor: Actor, address: string): Promise<void> {
  const settings = await ensureMailSettings(tx, actor.tenantId);
  if (settings.sendingAddress === address && settings.sendingAddressVerifiedAt) return;
  const token = newSecretToken();
  if (settings.sendingTokenHash) await releaseGlobalKey(tx, "sending_token", settings.sendingTokenHash);
  if (!(await claimGlobalKey(tx, "sending_token", hashSecretToken(token), actor.tenantId))) throw new Error("A new confirmation token is already taken.");
  await tx
    .update(mailSettings)
    .set({ sendingAddress: address, sendingAddressVerifiedAt: null, sendingTokenHash: hashSecretToken(token), sendingTokenExpiresAt: new Date(Date.now() + CONFIRM_HOURS * 3600_000), updatedAt: new Date() });
  const desk = await getDesk(tx);
  const t = await mailTranslator(desk.locale);
  const link = `${baseUrl}/confirm-sender/${token}`;
  await enqueueMail(tx, actor.tenantId, {
    kind: "sending.confirm",
    to: address,
    subject: t("sendingConfirm.subject", { desk: desk.displayName }),
    text: t("sendingConfirm.text", { desk: desk.displayName, address, link, hours: CONFIRM_HOURS }),
  });
  await recordEvent(tx, actor, { action: "mail.sendingAddressRequested", objectType: "desk", objectId: actor.tenantId, summary: { address } });
}

/** Sends from the desk's address at the platform again; the own address and its server are forgotten. */
export async function removeSendingAddress(tx: TenantDb, actor: Actor): Promise<void> {
  const settings = await ensureMailSettings(tx, actor.tenantId);
  if (settings.sendingTokenHash) await releaseGlobalKey(tx, "sending_token", settings.sendingTokenHash);
  await tx.update(mailSettings).set({ sendingAddress: null, sendingAddressVerifiedAt: null, sendingTokenHash: null, sendingTokenExpiresAt: null, sendingMode: "platform", updatedAt: new Date() });
  await recordEvent(tx, actor, { action: "mail.sendingAddressRemoved", objectType: "desk", objectId: actor.tenantId, summary: {} });
}

/** The link from the confirmation mail (a button on its page: following a link alone changes nothing). */
export async function confirmSendingAddress(db: Database, token: string): Promise<{ address: string; desk: string }> {
  const confirmed = await viaSendingToken(db, hashSecretToken(token), async (tx, tenantId) => {
    const [settings] = await tx.select().from(mailSettings).where(eq(mailSettings.tenantId, tenantId));
    if (!settings?.sendingAddress || !settings.sendingTokenExpiresAt || settings.sendingTokenExpiresAt < new Date()) return null;
    await releaseGlobalKey(tx, "sending_token", hashSecretToken(token));
    await tx.update(mailSettings).set({ sendingAddressVerifiedAt: new Date(), sendingTokenHash: null, sendingTokenExpiresAt: null, updatedAt: new Date() });
    return { address: settings.sendingAddress, desk: (await getDesk(tx)).slug };
  });
  if (!confirmed) throw new DeskError("NOT_FOUND", "sending.linkInvalid");
  return confirmed;
}

/**
 * The desk forwards its own address to its platform address, so the confirmation mail came back in
 * through import: that proves the address as well as a click.
 */
export async function confirmForwardedSendingAddress(tx: TenantDb, tenantId: string, text: string): Promise<boolean> {
  const token = /\/confirm-sender\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) return false;
  const [settings] = await tx.select().from(mailSettings).where(eq(mailSettings.tenantId, tenantId));
  if (!settings?.sendingTokenHash || settings.sendingTokenHash !== hashSecretToken(token) || !settings.sendingTokenExpiresAt || settings.sendingTokenExpiresAt < new Date()) return false;
  await releaseGlobalKey(tx, "sending_token", settings.sendingTokenHash);
  await tx.update(mailSettings).set({ sendingAddressVerifiedAt: new Date(), sendingTokenHash: null, sendingTokenExpiresAt: null, updatedAt: new Date() });
  return true;
}

type SmtpInput = { host: string; port: number; security: "tls" | "starttls" | "none"; username: string; password: string };

/**
 * The desk's own SMTP server: checked like mailboxes (no private or local addresses unless
 * MAILBOX_PRIVATE_HOSTS; the name is resolved outside any transaction), the password sealed like
 * IMAP passwords. Mail goes through it once the sending address is proven.
 */
export async function saveSmtp(desk: DeskScope, actor: Actor, input: SmtpInput): Promise<void> {
  const resolved = await resolvePublicAddress(input.host, { allowPrivate: env.MAILBOX_PRIVATE_HOSTS });
  if (!resolved.ok) {
    const key = resolved.reason === "private" ? "mailbox.hostPrivate" : "mailbox.hostNotFound";
    throw new DeskError("BAD_REQUEST", key, { fields: { host: key } });
  }
  if (input.security === "none" && !isPrivateAddress(resolved.address)) throw new DeskError("BAD_REQUEST", "sending.tlsRequired", { fields: { security: "sending.tlsRequired" } });
  await desk.run(async (tx) => {
    const settings = await ensureMailSettings(tx, actor.tenantId);
    if (!settings.sendingAddress) throw new DeskError("BAD_REQUEST", "sending.addressFirst");
    const keep = !input.password && settings.smtpHost === input.host && settings.smtpUsername === (input.username || null);
    await tx.update(mailSettings).set({
      sendingMode: "smtp",
      smtpHost: input.host,
      smtpPort: input.port,
      smtpSecurity: input.security,
      smtpUsername: input.username || null,
      smtpPasswordSecret: keep ? settings.smtpPasswordSecret : input.password ? seal(SMTP_SECRET_PURPOSE, input.password) : null,
      smtpLastError: null,
      updatedAt: new Date(),
    });
    await recordEvent(tx, actor, { action: "mail.smtpUpdated", objectType: "desk", objectId: actor.tenantId, summary: { host: input.host, port: input.port, security: input.security, username: input.username } });
  });
}

/** Back to sending through the platform (from the desk's own address when the platform may). */
export async function usePlatformSending(tx: TenantDb, actor: Actor): Promise<void> {
  await ensureMailSettings(tx, actor.tenantId);
  await tx.update(mailSettings).set({ sendingMode: "platform", smtpLastError: null, updatedAt: new Date() });
  await recordEvent(tx, actor, { action: "mail.smtpRemoved", objectType: "desk", objectId: actor.tenantId, summary: {} });
}

/**
 * "Send test mail": one mail through the desk's SMTP server to the person asking, sent outside any
 * transaction; its error is kept and shown as the server gave it.
 */
export async function testSmtp(desk: DeskScope, actor: Actor, to: string): Promise<{ sent: true }> {
  const { settings, deskInfo } = await desk.run(async (tx) => ({ settings: await ensureMailSettings(tx, actor.tenantId), deskInfo: await getDesk(tx) }));
  if (!settings.smtpHost || !settings.smtpPort || !settings.smtpSecurity || !settings.sendingAddress) throw new DeskError("BAD_REQUEST", "sending.smtpMissing");
  let failure: string | null = null;
  try {
    const transport = await deskTransport({ host: settings.smtpHost, port: settings.smtpPort, security: settings.smtpSecurity, username: settings.smtpUsername, passwordSecret: settings.smtpPasswordSecret });
    const t = await mailTranslator(deskInfo.locale);
    try {
      await transport.sendMail({ from: { name: settings.senderName || deskInfo.displayName, address: settings.sendingAddress }, to, subject: t("smtpTest.subject", { desk: deskInfo.displayName }), text: t("smtpTest.text", { host: settings.smtpHost }) });
    } finally {
      transport.close();
    }
  } catch (error) {
    failure = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  }
  await desk.run((tx) => tx.update(mailSettings).set({ smtpLastError: failure }));
  if (failure) throw new DeskError("BAD_REQUEST", "sending.testFailed", { params: { reason: failure } });
  return { sent: true };
}
