import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OpenDatabase } from "@/server/db/client";
import { signUpDesk } from "@/test/callers";
import { createTestDatabase } from "@/test/database";
import { findSessionUser } from "../auth/service";
import { startSession } from "../auth/sessions";
import { checkReadiness } from "../platform/health";
import { metricsResponse } from "./metrics";
import { route } from "./route";
import { handleTrpcRequest } from "./trpc";

// The server's logger, writing its real JSON lines into `lines` instead of stdout.
const { lines } = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("../log", async () => {
  const { default: pino } = await import("pino");
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { log: pino({ level: "info", base: { app: "deskhand" } }, destination) };
});

type Line = Record<string, unknown>;
const logged = (message: string): Line[] => lines.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === message);

let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // The routes below read the server's database: this file's.
  (globalThis as unknown as { deskhandDb?: Promise<OpenDatabase> }).deskhandDb = Promise.resolve(database);
});
afterAll(async () => {
  await database.close();
});

/** The tRPC route as src/app/api/trpc serves it, with a context of our own. */
async function trpcRoute(path: string, input: unknown, userId: string | null) {
  const user = userId ? await findSessionUser(database.db, userId, 0, await startSession(database.db, userId, "test", { ip: null, userAgent: "vitest" })) : null;
  const handler = route({ name: "trpc", maxBodyBytes: 1024 * 1024 }, (request, _context: unknown, { requestId, note }) =>
    handleTrpcRequest(request, requestId, async () => ({ db: database.db, listen: database.listen, user, ip: null, requestId }), note),
  );
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  return handler(new Request(`http://desk.test/api/trpc/${path}?input=${query}`, { headers: { "x-request-id": `req-${path}-0001` } }), undefined);
}

describe("the request log", () => {
  it("writes one line per request: id, route, desk, user, procedure, status and duration", async () => {
    const desk = await signUpDesk(database.db);
    const response = await trpcRoute("departments.list", { desk: desk.slug }, desk.userId);
    expect(response.status, await response.clone().text()).toBe(200);
    const [line, ...more] = logged("request").filter((l) => l.requestId === "req-departments.list-0001");
    expect(more).toEqual([]);
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      app: "deskhand",
      msg: "request",
      requestId: "req-departments.list-0001",
      route: "trpc",
      method: "GET",
      procedure: "departments.list",
      userId: desk.userId,
      desk: desk.slug,
      status: 200,
      ms: expect.any(Number),
    });
  });

  it("logs an unforeseen error and its request line under the id the client was given", async () => {
    const failing = route({ name: "test.failing", maxBodyBytes: 0 }, async () => {
      throw new Error("the driver's own words");
    });
    const response = await failing(new Request("http://desk.test/api/x"), undefined);
    const { requestId } = (await response.json()) as { requestId: string };
    expect(response.headers.get("x-request-id")).toBe(requestId);
    expect(logged("request failed")).toContainEqual(expect.objectContaining({ requestId, route: "test.failing", level: 50, err: expect.objectContaining({ message: "the driver's own words" }) }));
    expect(logged("request")).toContainEqual(expect.objectContaining({ requestId, route: "test.failing", status: 500 }));
  });
});

describe("/api/metrics", () => {
  const token = "metrics-token-of-the-test";
  const scrape = (authorization?: string) =>
    metricsResponse(new Request("http://desk.test/api/metrics", { headers: authorization ? { authorization } : {} }), token);

  it("does not exist without METRICS_TOKEN, and wants the token when it is set", async () => {
    expect((await metricsResponse(new Request("http://desk.test/api/metrics", { headers: { authorization: `Bearer ${token}` } }), undefined)).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-of-the-test")).status).toBe(401);
  });

  it("reports request latency per route and procedure, live streams and the mail backlog", async () => {
    const desk = await signUpDesk(database.db);
    await trpcRoute("departments.list", { desk: desk.slug }, desk.userId);
    const response = await scrape(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^deskhand_request_duration_seconds_bucket\{le="0\.005",kind="route",name="trpc",status="200"\} \d+$/m);
    expect(text).toMatch(/^deskhand_request_duration_seconds_count\{kind="procedure",name="departments\.list",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^deskhand_live_streams \d+$/m);
    // Signing up queued a confirmation mail (no SMTP_URL in tests): it waits in the backlog.
    expect(text).toMatch(/^deskhand_outbox_queued \d+$/m);
    expect(text).toMatch(/^deskhand_outbox_oldest_queued_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^deskhand_mailboxes_in_error 0$/m);
  });
});

describe("/api/health/ready", () => {
  it("is ready on a migrated database, and answers 503 naming a migration that is missing", async () => {
    const { GET } = await import("@/app/api/health/ready/route");
    expect(await checkReadiness(database.db)).toEqual({ ready: true, database: "ok", migrations: { status: "ok", missing: [] } });
    expect((await GET(new Request("http://desk.test/api/health/ready"), undefined)).status).toBe(200);

    // As if this build shipped a migration the database never ran.
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    const response = await GET(new Request("http://desk.test/api/health/ready"), undefined);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; database: string; migrations: { status: string; missing: string[] } };
    expect(body).toMatchObject({ status: "error", database: "ok", migrations: { status: "missing" } });
    expect(body.migrations.missing).toHaveLength(1);
    expect(body.migrations.missing[0]).toMatch(/^\d{4}_/);
  });
});
