import path from "node:path";
import { z } from "zod";

// Every environment variable Deskhand reads, with its default. Nothing else reads process.env.
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.string().url().optional(),
  // The address people reach Deskhand at; links in mail are built from it, never from request headers.
  APP_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  // Sign in with the company's identity provider (OpenID Connect: Google, Microsoft Entra, Okta,
  // Keycloak…): its issuer URL, the client registered there, and the name on the button.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).default("your company account"),
  DEMO_SEED: booleanFlag.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SIGNIN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  // Sign-ups a client address may make an hour, and sign-ups per email domain (public mail
  // providers such as gmail.com are limited per address instead).
  SIGNUP_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(5),
  SIGNUP_PER_DOMAIN_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(20),
  // PBKDF2 rounds per try of the sign-up proof of work (the browser makes 1,000–2,000 tries).
  SIGNUP_PROOF_COST: z.coerce.number().int().min(1).max(100000).default(1000),
  // smtp://user:pass@host:587 or smtps://…; without it mail stays in the stored outbox.
  SMTP_URL: z.string().url().optional(),
  // How often the server hands queued mail to SMTP_URL (seconds).
  MAIL_SEND_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  MAIL_FROM: z.string().min(3).max(254).default("Deskhand <no-reply@deskhand.localhost>"),
  // Every desk receives mail at <desk>@INBOUND_MAIL_DOMAIN and sends from there, with a reply
  // address per ticket (<desk>+<token>@…). The receiving SMTP server listens on INBOUND_SMTP_PORT.
  INBOUND_MAIL_DOMAIN: z.string().min(3).max(200).regex(/^[a-z0-9.-]+$/i).optional(),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_TLS_CERT: z.string().min(1).optional(),
  INBOUND_SMTP_TLS_KEY: z.string().min(1).optional(),
  // DKIM-sign outgoing mail: the private key (PEM, or a path to it), the selector, and the domain
  // (default INBOUND_MAIL_DOMAIN).
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).max(63).optional(),
  DKIM_DOMAIN: z.string().min(3).max(200).optional(),
  // IMAP mailboxes on private or loopback addresses (a mail server on the same network, tests).
  // Off by default, so a desk admin cannot make the server probe its internal network.
  MAILBOX_PRIVATE_HOSTS: booleanFlag.default(false),
  // How often connected IMAP mailboxes are read, in seconds.
  MAILBOX_POLL_SECONDS: z.coerce.number().int().min(15).max(3600).default(60),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
  // Closed tickets untouched this long leave the default views (still searchable).
  ARCHIVE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  STRIPE_SECRET_KEY: z.string().min(8).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Tests only: where the Stripe SDK sends its requests (a local stand-in); unset in production. */
  STRIPE_API_BASE: z.string().url().optional(),
  BILLING_CURRENCY: z.string().regex(/^[a-z]{3}$/).default("usd"),
  PLATFORM_ADMINS: z.string().max(2000).default(""),
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

export const dataDir = path.resolve(env.DATA_DIR);
export const baseUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
