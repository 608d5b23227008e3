import crypto from "node:crypto";
import fs from "node:fs";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { baseUrl, env } from "@/env";
import { newId } from "../db/columns";
import { open } from "../kernel/secret-box";
import { resolvePublicAddress } from "../net/public-address";

/** A Message-ID of ours: unique, under the host of APP_URL. */
export const newMessageId = () => `<${newId()}@${new URL(baseUrl).hostname}>`;

/** Whether mail leaves Deskhand at all (SMTP_URL); without it mail stays in the stored outbox. */
export const smtpConfigured = () => Boolean(env.SMTP_URL);

let transporter: Transporter | null = null;

/** The SMTP transport of SMTP_URL, made once per process. */
export function smtp(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL!);
  return transporter;
}

/** The key outgoing mail is DKIM-signed with (DKIM_PRIVATE_KEY, PEM or a path to it), when configured. */
export function dkimOptions(): DkimKey | undefined {
  if (dkimKey === undefined) {
    const domainName = env.DKIM_DOMAIN ?? env.INBOUND_MAIL_DOMAIN;
    const pem = env.DKIM_PRIVATE_KEY;
    // Read once per process (a path is not read again for every message).
    dkimKey = pem && env.DKIM_SELECTOR && domainName ? { domainName, keySelector: env.DKIM_SELECTOR, privateKey: pem.includes("-----BEGIN") ? pem : fs.readFileSync(pem, "utf8") } : null;
  }
  return dkimKey ?? undefined;
}

type DkimKey = { domainName: string; keySelector: string; privateKey: string } & NonNullable<SendMailOptions["dkim"]>;
let dkimKey: DkimKey | null | undefined;

/**
 * The DNS records the platform's mail domain needs (Settings → Mail shows them): MX so mail for
 * <desk>@INBOUND_MAIL_DOMAIN reaches the receiving SMTP server, SPF for the sending host, and the
 * DKIM public key derived from DKIM_PRIVATE_KEY.
 */
export function mailDnsRecords(): { type: "MX" | "TXT"; name: string; value: string }[] {
  const domain = env.INBOUND_MAIL_DOMAIN?.toLowerCase();
  if (!domain) return [];
  const host = new URL(baseUrl).hostname;
  const records: { type: "MX" | "TXT"; name: string; value: string }[] = [
    { type: "MX", name: domain, value: `10 ${host}.` },
    { type: "TXT", name: domain, value: "v=spf1 a mx ~all" },
    { type: "TXT", name: `_dmarc.${domain}`, value: "v=DMARC1; p=quarantine" },
  ];
  const dkim = dkimOptions();
  if (dkim) {
    const publicKey = crypto.createPublicKey(dkim.privateKey).export({ type: "spki", format: "der" }).toString("base64");
    records.push({ type: "TXT", name: `${dkim.keySelector}._domainkey.${dkim.domainName}`, value: `v=DKIM1; k=rsa; p=${publicKey}` });
  }
  return records;
}

/** A desk's own SMTP server, as Settings → Mail → Sending stores it. */
export type DeskSmtp = { host: string; port: number; security: "tls" | "starttls" | "none"; username: string | null; passwordSecret: string | null };

export const SMTP_SECRET_PURPOSE = "desk-smtp";

/**
 * A transport to the desk's own SMTP server: connected to the address its name resolved to once,
 * checked like every connection made on a desk's behalf (no loopback, private or metadata
 * addresses unless MAILBOX_PRIVATE_HOSTS), with TLS still checking the certificate against the name.
 */
export async function deskTransport(server: DeskSmtp): Promise<Transporter> {
  const resolved = await resolvePublicAddress(server.host, { allowPrivate: env.MAILBOX_PRIVATE_HOSTS });
  if (!resolved.ok) throw new Error(resolved.reason === "private" ? `${server.host} is a private or local address.` : `${server.host} cannot be found.`);
  const password = server.passwordSecret ? open(SMTP_SECRET_PURPOSE, server.passwordSecret) : null;
  return nodemailer.createTransport({
    host: resolved.address,
    port: server.port,
    secure: server.security === "tls",
    requireTLS: server.security === "starttls",
    tls: { servername: server.host },
    auth: server.username ? { user: server.username, pass: password ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
