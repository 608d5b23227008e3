import crypto from "node:crypto";
import { getDb } from "../db/client";
import { renderMetrics } from "../kernel/metrics";
import { registerMailMetrics } from "../platform/health";

/**
 * `/api/metrics`: Prometheus text of this instance (requests, live streams, process) and of the
 * platform's mail (outbox backlog, mailboxes in error). Only with `Authorization: Bearer <token>`;
 * without a token configured the route does not exist (404).
 */
export async function metricsResponse(request: Request, token: string | undefined): Promise<Response> {
  if (!token) return Response.json({ error: "not found" }, { status: 404 });
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  registerMailMetrics(getDb);
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
