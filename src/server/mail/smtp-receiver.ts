import fs from "node:fs";
import os from "node:os";
import { authenticate } from "mailauth";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import { env } from "@/env";
import { hasOption } from "../billing/account";
import type { Database } from "../db/types";
import { log } from "../log";
import { readLocalPart } from "../outbox/identity";
import { inboundAddressScope } from "../tenancy/public";
import type { DeskScope } from "../tenancy/platform";
import { importInto, MAX_MAIL_BYTES } from "./inbound";
import type { AuthResults } from "./spam";

type Resolver = (name: string, type: string) => Promise<unknown>;

export type ReceiverOptions = {
  port: number;
  host?: string;
  domain: string;
  tls?: { key: Buffer | string; cert: Buffer | string } | null;
  /** DNS for SPF, DKIM and DMARC (tests give their own; the default asks the system's resolver). */
  resolver?: Resolver;
};

type Recipient = { address: string; desk: DeskScope };
const recipientsOf = new WeakMap<SMTPServerSession, Recipient[]>();

/** An SMTP reply with its code: how smtp-server refuses a command. */
const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** The desk an address names: <slug>@domain or <slug>+t<n>-<token>@domain, for a desk with the Mail option. */
async function deskFor(db: Database, domain: string, address: string): Promise<DeskScope | null> {
  const at = address.lastIndexOf("@");
  if (at < 1 || address.slice(at + 1).toLowerCase() !== domain) return null;
  const local = readLocalPart(address.slice(0, at));
  const desk = local ? await inboundAddressScope(db, local.slug) : null;
  return desk && (await desk.run((tx) => hasOption(tx, "mail"))) ? desk : null;
}

/** SPF, DKIM and DMARC of a message; a DNS failure is a temporary error, not a verdict. */
async function check(raw: Buffer, session: SMTPServerSession, options: ReceiverOptions): Promise<AuthResults> {
  try {
    const mailFrom = session.envelope.mailFrom;
    const result = await authenticate(raw, {
      ip: session.remoteAddress,
      helo: session.hostNameAppearsAs,
      sender: mailFrom ? mailFrom.address : undefined,
      mta: options.domain,
      disableArc: true,
      disableBimi: true,
      ...(options.resolver ? { resolver: options.resolver } : {}),
    });
    const dkim = result.dkim?.results?.find((r: { status?: { result?: string } }) => r.status?.result === "pass") ? "pass" : (result.dkim?.results?.[0]?.status?.result ?? "none");
    return { spf: result.spf?.status?.result ?? "none", dkim, dmarc: result.dmarc?.status?.result ?? "none" };
  } catch (error) {
    log.warn({ err: error }, "Mail authentication could not be checked");
    return { spf: "temperror", dkim: "temperror", dmarc: "temperror" };
  }
}

/**
 * The platform's receiving SMTP server (smtp-server, from the Nodemailer project): it takes mail
 * only for addresses of existing desks with the Mail option (anything else: 550 at RCPT, so it is
 * never an open relay), announces and enforces the size limit (SIZE), offers STARTTLS when given a
 * certificate, checks SPF/DKIM/DMARC (mailauth) and hands each message to the same import as the
 * forwarding route and IMAP mailboxes. A message that cannot be imported is kept in Failed mail;
 * the sender gets 250 once it is stored, so it is never lost.
 */
export function startSmtpReceiver(db: Database, options: ReceiverOptions): Promise<SMTPServer> {
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: "Deskhand",
    size: MAX_MAIL_BYTES,
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    hideSTARTTLS: !options.tls,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    onRcptTo(address: SMTPServerAddress, session, callback) {
      const list = recipientsOf.get(session) ?? [];
      if (list.length >= 20) return callback(refusal(452, "4.5.3 Too many recipients"));
      deskFor(db, domain, address.address.toLowerCase())
        .then((desk) => {
          if (!desk) return callback(refusal(550, "5.1.1 No such recipient here"));
          recipientsOf.set(session, [...list, { address: address.address.toLowerCase(), desk }]);
          callback();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, "SMTP recipient check failed");
          callback(refusal(451, "4.3.0 Temporary failure, try again later"));
        });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(refusal(552, "5.3.4 Message too big"));
        receive(raw, session, options)
          .then(() => callback())
          .catch((error: unknown) => {
            log.error({ err: error }, "SMTP message could not be stored");
            callback(refusal(451, "4.3.0 Temporary failure, try again later"));
          });
      });
    },
  });
  server.on("error", (error) => log.error({ err: error }, "SMTP server error"));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
  });

  async function receive(raw: Buffer, session: SMTPServerSession, opts: ReceiverOptions) {
    const recipients = recipientsOf.get(session) ?? [];
    recipientsOf.delete(session);
    const authResults = await check(raw, session, opts);
    // One import per desk named (a message to two desks is two tickets, one in each).
    const byDesk = new Map<string, Recipient[]>();
    for (const r of recipients) byDesk.set(r.desk.tenantId, [...(byDesk.get(r.desk.tenantId) ?? []), r]);
    for (const group of byDesk.values()) {
      const desk = group[0]!.desk;
      const result = await importInto(desk, raw, { recipients: group.map((r) => r.address), authResults });
      if (result.outcome === "failed") log.warn({ tenantId: desk.tenantId }, "SMTP message kept in Failed mail");
    }
  }
}

/** Starts the receiving SMTP server when INBOUND_SMTP_PORT and INBOUND_MAIL_DOMAIN are set. */
export async function startConfiguredSmtpReceiver(db: Database): Promise<SMTPServer | null> {
  if (!env.INBOUND_SMTP_PORT || !env.INBOUND_MAIL_DOMAIN) return null;
  const tls = env.INBOUND_SMTP_TLS_CERT && env.INBOUND_SMTP_TLS_KEY ? { cert: fs.readFileSync(env.INBOUND_SMTP_TLS_CERT), key: fs.readFileSync(env.INBOUND_SMTP_TLS_KEY) } : null;
  const server = await startSmtpReceiver(db, { port: env.INBOUND_SMTP_PORT, domain: env.INBOUND_MAIL_DOMAIN, tls });
  log.info({ port: env.INBOUND_SMTP_PORT, domain: env.INBOUND_MAIL_DOMAIN, tls: Boolean(tls), host: os.hostname() }, "Receiving mail by SMTP");
  return server;
}
