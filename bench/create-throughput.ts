// "Ticket creation over HTTP reaches at least 50% of the throughput of the same SQL transaction
// run directly on the database" (DESIGN.md budgets). Over HTTP: the production build served by
// `next start` on the bench database, the desk owner signed in through Auth.js, `tickets.create`
// posted to the tRPC route (session check, membership, withTenant, permissions, the service,
// commit). Directly: the same `createTicketOnBehalf` inside `withTenant` from this process. Both
// with the same number of concurrent clients and tickets. Skipped (and said so) without a build.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import { hashPassword } from "@/server/kernel/password";
import type { Database } from "@/server/db/types";
import { unsafeFindDeskAccess } from "@/server/tenancy/member";
import { createTicketOnBehalf } from "@/server/tickets/create";
import { withTenant } from "@/server/tenancy/scope";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PORT = 3191;
const PASSWORD = "bench-owner-password";

export type CreateThroughput = { skipped: string } | { http: number; direct: number; tickets: number; clients: number };

/** Runs `count` jobs on `clients` concurrent workers; tickets per second. */
async function throughput(count: number, clients: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) await job(i);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * Signs in as the browser does: the password step (tRPC account.signIn) hands back a single-use
 * ticket, which Auth.js's "ticket" provider exchanges for the session cookie.
 */
async function signIn(base: string, email: string): Promise<string> {
  const step = await fetch(`${base}/api/trpc/account.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ json: { email, password: PASSWORD } }),
  });
  const answer = (await step.json()) as { result?: { data?: { json?: { step?: string; ticket?: string } } } };
  const ticket = answer.result?.data?.json?.ticket;
  if (!ticket) throw new Error(`bench: password step failed (${step.status})`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/ticket`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies, origin: base },
    body: new URLSearchParams({ ticket, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`bench: sign-in failed (${response.status})`);
  return [cookies, session.split(";")[0]].join("; ");
}

export async function createThroughput(
  raw: postgres.Sql,
  db: Database,
  databaseUrl: string,
  desk: { slug: string; tenantId: string; ownerUserId: string; departmentId: string },
  tickets = 500,
  clients = 8,
): Promise<CreateThroughput> {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) return { skipped: "no production build (run `npm run build` first)" };
  const [owner] = await raw<{ email: string }[]>`select email from users where id = ${desk.ownerUserId}`;
  await raw`update users set password_hash = ${await hashPassword(PASSWORD)} where id = ${desk.ownerUserId}`;
  const input = (i: number, via: string) => ({
    subject: `Bench ${via} ticket ${i}`,
    body: "The order arrived damaged; please send a replacement.",
    customerEmail: `bench-${via}-${i % 50}@customers.example`,
    departmentId: desk.departmentId,
    priority: "normal" as const,
    assigneeMembershipId: null,
    tags: [],
  });

  // Directly: the service in its tenant scope, from this process's pool.
  const access = (await unsafeFindDeskAccess(db, desk.slug, desk.ownerUserId))!;
  const actor = { tenantId: desk.tenantId, userId: desk.ownerUserId, membershipId: access.membershipId, access: access.access, ip: null };
  await throughput(20, clients, (i) => withTenant(db, desk.tenantId, (tx) => createTicketOnBehalf(tx, actor, input(i, "warm"))).then(() => undefined));
  const direct = await throughput(tickets, clients, (i) => withTenant(db, desk.tenantId, (tx) => createTicketOnBehalf(tx, actor, input(i, "direct"))).then(() => undefined));

  // Over HTTP: the production server on the same database.
  const base = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: base, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", DEMO_SEED: "false", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error("bench: next start did not answer");
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await signIn(base, owner!.email);
    const post = async (i: number, via: string) => {
      const response = await fetch(`${base}/api/trpc/tickets.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: base },
        body: JSON.stringify({ json: { desk: desk.slug, ...input(i, via) } }),
      });
      if (!response.ok) throw new Error(`bench: tickets.create answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    };
    await throughput(20, clients, (i) => post(i, "warm-http"));
    const http = await throughput(tickets, clients, (i) => post(i, "http"));
    return { http, direct, tickets, clients };
  } finally {
    server.kill();
  }
}
