import fs from "node:fs";
import path from "node:path";
import superjson from "superjson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/database";
import { signUpDesk } from "@/test/callers";
import { findSessionUser } from "../auth/service";
import { startSession } from "../auth/sessions";
import { log } from "../log";
import { route } from "./route";
import { handleTrpcRequest } from "./trpc";

afterEach(() => vi.restoreAllMocks());

/** A request body that counts how much of it the server read. */
function countingBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const read = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.bytes >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(chunkBytes, totalBytes - read.bytes)).fill(120);
      read.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read };
}

const echo = route({ name: "test.echo", maxBodyBytes: 1024 }, async (request: Request) => Response.json({ length: (await request.arrayBuffer()).byteLength }));

describe("every route", () => {
  it("answers an unforeseen error with a generic message and a request id, and logs the whole error with that id", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const failing = route({ name: "test.failing", maxBodyBytes: 0 }, async () => {
      throw new Error('Failed query: insert into "tickets" ("subject") values ($1)\nparams: secret');
    });
    const response = await failing(new Request("http://desk.test/api/x"), undefined);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/Failed query|insert into|params|secret/);
    const body = JSON.parse(text) as { error: string; requestId: string };
    expect(body).toEqual({ error: "generic", message: "Something went wrong. Please try again.", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(response.headers.get("x-request-id")).toBe(body.requestId);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ requestId: body.requestId, route: "test.failing", err: expect.objectContaining({ message: expect.stringContaining("Failed query") }) }), "request failed");
  });

  it("keeps a proxy's request id when it is a plain token, and makes its own otherwise", async () => {
    const ok = route({ name: "test.ok", maxBodyBytes: 0 }, async () => Response.json({ ok: true }));
    expect((await ok(new Request("http://desk.test/", { headers: { "x-request-id": "lb-1234abcd" } }), undefined)).headers.get("x-request-id")).toBe("lb-1234abcd");
    expect((await ok(new Request("http://desk.test/", { headers: { "x-request-id": "<script>" } }), undefined)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a declared length over its limit with 413 before reading any of the body", async () => {
    const { stream, read } = countingBody(50 * 1024 * 1024);
    const request = new Request("http://desk.test/api/x", { method: "POST", body: stream, headers: { "content-length": String(50 * 1024 * 1024) }, duplex: "half" } as RequestInit);
    const response = await echo(request, undefined);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "body.tooLarge", limit: 1024 });
    // The stream may have been asked for its first chunk when the request was built, never more.
    expect(read.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    const { stream, read } = countingBody(50 * 1024 * 1024, 512);
    const response = await echo(new Request("http://desk.test/api/x", { method: "POST", body: stream, duplex: "half" } as RequestInit), undefined);
    expect(response.status).toBe(413);
    expect(read.bytes).toBeLessThan(4 * 1024);
    const small = countingBody(1000, 512);
    const accepted = await echo(new Request("http://desk.test/api/x", { method: "POST", body: small.stream, duplex: "half" } as RequestInit), undefined);
    expect(await accepted.json()).toEqual({ length: 1000 });
  });

  it("is declared through route(), so none escapes the limits and the error handling", () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") routes.push(full);
      }
    };
    walk(path.resolve(import.meta.dirname, "../../app"));
    expect(routes.length).toBeGreaterThan(15);
    for (const file of routes) {
      const source = fs.readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/);
      expect(source, file).not.toMatch(/export const \{/);
      expect(source, file).toMatch(/= route\(/);
    }
  });
});

describe("tRPC over HTTP", () => {
  it("hides the driver's text of a failed query behind a generic message and the request id, while the database is down", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const opened = await createTestDatabase();
    await opened.close();
    const input = encodeURIComponent(JSON.stringify({ "0": superjson.serialize({ desk: "acme" }) }));
    const request = new Request(`http://desk.test/api/trpc/desk.get?batch=1&input=${input}`);
    const user = { id: "0190a7a0-0000-7000-8000-000000000001", email: "a@b.c", name: "A", tokenVersion: 0 } as never;
    const response = await handleTrpcRequest(request, "req-test-0001", async () => ({ db: opened.db, listen: opened.listen, user, ip: null, requestId: "req-test-0001" }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/Failed query|select|memberships|closed|CONNECTION|ended/i);
    const [answer] = JSON.parse(text) as [{ error: { json: { message: string; data: { messageKey: string; requestId: string } } } }];
    expect(answer.error.json.message).toBe("generic");
    expect(answer.error.json.data).toMatchObject({ messageKey: "generic", requestId: "req-test-0001" });
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ requestId: "req-test-0001", path: "desk.get" }), "tRPC procedure failed");
  });

  it("streams live updates unbuffered by nginx, with the client told when to reconnect", async () => {
    const opened = await createTestDatabase();
    try {
      const desk = await signUpDesk(opened.db);
      const user = await findSessionUser(opened.db, desk.userId, 0, await startSession(opened.db, desk.userId, "test", { ip: null, userAgent: "vitest" }));
      expect(user).not.toBeNull();
      const input = encodeURIComponent(JSON.stringify(superjson.serialize({ desk: desk.slug })));
      const abort = new AbortController();
      const request = new Request(`http://desk.test/api/trpc/tickets.changes?input=${input}`, { signal: abort.signal, headers: { accept: "text/event-stream" } });
      const response = await handleTrpcRequest(request, "req-test-0003", async () => ({ db: opened.db, listen: opened.listen, user, ip: null, requestId: "req-test-0003" }));
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(response.headers.get("x-accel-buffering")).toBe("no");
      const reader = response.body!.getReader();
      let opening = "";
      while (!opening.includes("\n\n")) opening += new TextDecoder().decode((await reader.read()).value);
      expect(opening).toMatch(/^event: connected\ndata: .*"reconnectAfterInactivityMs":45000/);
      abort.abort();
      await reader.cancel().catch(() => {});
    } finally {
      await opened.close();
    }
  });

  it("refuses a form post to a mutation before it runs", async () => {
    const response = await handleTrpcRequest(new Request("http://desk.test/api/trpc/desk.signUp", { method: "POST", body: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } }), "req-test-0002", async () => {
      throw new Error("no context needed");
    });
    expect(response.status).toBe(415);
  });
});
