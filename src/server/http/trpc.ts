import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { log } from "../log";
import { appRouter } from "../root";
import type { Context } from "../trpc";
import type { RequestNotes } from "./route";

/** The largest tRPC request: a batch of the largest inputs (a 100,000-character article) with room to spare. */
export const TRPC_MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A tRPC request over HTTP. State changes arrive as JSON only: a cross-site form post
 * (urlencoded, multipart, text/plain) cannot be JSON without a CORS preflight, so it never
 * reaches a mutation. An unforeseen error reaches the client as a generic message with the
 * request id (the error formatter in trpc.ts); the log gets the whole error with that id.
 */
export async function handleTrpcRequest(
  request: Request,
  requestId: string,
  createContext: () => Promise<Context>,
  note: (fields: RequestNotes) => void = () => {},
): Promise<Response> {
  note({ procedure: decodeURIComponent(new URL(request.url).pathname.replace(/^\/api\/trpc\/?/, "")).slice(0, 500) });
  if (request.method === "POST" && !request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ error: "Mutations accept application/json only", requestId }, { status: 415 });
  }
  // Built before tRPC runs, so a database that is down is the route's generic 500 too.
  const context = await createContext();
  note({ userId: context.user?.id });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => ({ ...context, responseHeaders: resHeaders, note }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error, requestId, path }, "tRPC procedure failed");
    },
  });
  // Live updates: nginx buffers responses unless told not to, which would hold events back.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) response.headers.set("X-Accel-Buffering", "no");
  return response;
}
