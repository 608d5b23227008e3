import path from "node:path";
import proxyaddr from "proxy-addr";
import { z } from "zod";

// Every environment variable Deskhand reads, with its default. Nothing else reads process.env.
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/** TRUSTED_PROXIES: a hop count, or a list proxy-addr accepts (checked here, so a typo stops the start). */
export const trustedProxiesSetting = z
  .string()
  .max(4000)
  .transform((value, context) => {
    const trimmed = value.trim();
    if (/^\d{1,3}$/.test(trimmed)) return { hops: Number(trimmed) } as const;
    const list = trimmed.split(",").map((entry) => entry.trim()).filter(Boolean);
    try {
      proxyaddr.compile(list);
      return { list } as const;
    } catch (error) {
      context.addIssue({ code: "custom", message: `not a hop count or a list of addresses and CIDRs (${(error as Error).message})` });
      return z.NEVER;
    }
  });

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
  // The demo desk `acme` on an empty database: on by default for the embedded quick start, off by
  // default once DATABASE_URL names a real server (see readEnv).
  DEMO_SEED: booleanFlag.optional(),
  // `off`: this instance runs no scheduled jobs (a web-only instance; a worker or cron runs them).
  JOBS: z.enum(["on", "off"]).default("on"),
  // Set by `npm start` (scripts/start.mjs): `next start` leaves SIGTERM and SIGINT to the server's
  // graceful shutdown (src/server/platform/shutdown.ts) instead of exiting by itself.
  NEXT_MANUAL_SIG_HANDLE: booleanFlag.default(false),
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
  // A Postgres streaming replica: reports, search and list counts read there (through the same tenant scope).
  DATABASE_REPLICA_URL: z.string().url().optional(),
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
  // The proxies in front of Deskhand whose X-Forwarded-For entries are believed (Express's `trust
  // proxy`): a hop count, or addresses, CIDRs and the words loopback, linklocal, uniquelocal.
  // Unset: forwarded headers are ignored and the connection's own address is the client's.
  TRUSTED_PROXIES: trustedProxiesSetting.optional(),
  // How often an open live stream re-reads its member's access: a revoked grant or a deactivated
  // member loses the stream within this time (fractions allowed, for tests).
  LIVE_ACCESS_CHECK_SECONDS: z.coerce.number().min(0.05).max(60).default(30),
  // The connection LISTEN uses for live updates (a session-mode pooler or the server itself; a
  // transaction-mode PgBouncer drops LISTEN). Default: DATABASE_URL.
  DATABASE_LISTEN_URL: z.string().url().optional(),
  // Bearer token of /api/metrics (Prometheus); without it the route answers 404.
  METRICS_TOKEN: z.string().min(16).max(200).optional(),
  // OpenTelemetry traces to this OTLP endpoint (@vercel/otel, from instrumentation.ts); unset: none.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
});

export type Env = Omit<z.infer<typeof schema>, "DEMO_SEED"> & { DEMO_SEED: boolean };

function readEnv(): Env {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return { ...parsed.data, DEMO_SEED: parsed.data.DEMO_SEED ?? !parsed.data.DATABASE_URL };
}

export const env = readEnv();

export const dataDir = path.resolve(env.DATA_DIR);
export const baseUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
