import { randomUUID } from "node:crypto";
import { observeRequest } from "../kernel/metrics";
import { log } from "../log";

/** A body over the route's limit: answered 413 before more of it is read. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * The id a client is given with an error and the log carries with it: the proxy's X-Request-Id
 * when it is a plain token (so one id follows a request through the proxy's log and ours), else a
 * new one.
 */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

/**
 * The request with its body bounded by `limit` bytes. A declared length over the limit is refused
 * before anything is read; a body without a length (chunked) is read here, counting, and refused
 * as soon as it passes the limit — so no route ever parses more than it allows.
 */
export async function boundedRequest(request: Request, limit: number): Promise<Request> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared) || Number(declared) > limit) throw new BodyTooLarge(limit);
    return request;
  }
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks), signal: request.signal });
}

/** What the request log line says besides the route: filled in by the handler as it learns it. */
export type RequestNotes = { desk?: string; userId?: string; procedure?: string };

export type RouteMeta = { requestId: string; note: (fields: RequestNotes) => void };

/** What a client gets for an error we did not foresee: a generic message and the id to quote. */
export function internalErrorResponse(requestId: string, status = 500): Response {
  return Response.json({ error: "generic", message: "Something went wrong. Please try again.", requestId }, { status });
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch {
    // Some responses (redirects) have immutable headers: copy them.
    const copy = new Response(response.body, response);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}

/**
 * Every route handler is one of these: the body bounded by the route's own limit (413 before it
 * is read), a request id on every answer, and an unforeseen error answered with a generic 500 —
 * never driver text, SQL or a stack — while the log gets the whole error with the same id.
 */
export function route<Context>(
  options: { name: string; maxBodyBytes: number },
  handler: (request: Request, context: Context, meta: RouteMeta) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    const notes: RequestNotes = {};
    const note = (fields: RequestNotes) => Object.assign(notes, fields);
    let response: Response;
    try {
      const bounded = await boundedRequest(request, options.maxBodyBytes);
      response = withRequestId(await handler(bounded, context, { requestId, note }), requestId);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response = withRequestId(Response.json({ error: "body.tooLarge", message: `The request is larger than ${error.limit} bytes.`, limit: error.limit, requestId }, { status: 413 }), requestId);
      } else {
        log.error({ err: error, requestId, route: options.name, method: request.method }, "request failed");
        response = withRequestId(internalErrorResponse(requestId), requestId);
      }
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    observeRequest("route", options.name, response.status, ms / 1000);
    // One line per request. A live stream's line is written when its answer starts, not when it ends.
    log.info({ requestId, route: options.name, method: request.method, ...notes, status: response.status, ms }, "request");
    return response;
  };
}
