import "server-only";
import { baseUrl } from "@/env";
import { auth } from "../auth/next-auth";
import { clientIp } from "../auth/request";
import { findSessionUser } from "../auth/service";
import { getDb } from "../db/client";
import type { TenantDb } from "../db/types";
import { asMember } from "../tenancy/member";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";

/**
 * The desk scope for the file routes (which are plain route handlers, not tRPC): the same
 * session, token-version and membership checks as deskProcedure, through the member's door.
 */
export async function withDeskOfRequest<T>(request: Request, slug: string, fn: (tx: TenantDb, actor: Actor) => Promise<T>): Promise<T> {
  const db = await getDb();
  const session = await auth();
  const user = session?.user.id ? await findSessionUser(db, session.user.id, session.tokenVersion, session.sessionId) : null;
  if (!user) throw new DeskError("UNAUTHORIZED", "auth.required");
  return asMember(db, { userId: user.id, ip: clientIp(request.headers), desk: slug, twoFactor: user.twoFactor }, (tx, actor) => fn(tx, actor));
}

/** A state-changing request must come from our own pages (a cross-site form post has another Origin). */
export function fromOurOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("host");
  return origin === new URL(baseUrl).origin || (host !== null && new URL(origin).host === host);
}

const status: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, BAD_REQUEST: 400, CONFLICT: 409, TOO_MANY_REQUESTS: 429, LIMIT_REACHED: 403 };

export function errorResponse(error: unknown): Response {
  if (error instanceof DeskError) return Response.json({ error: error.messageKey, params: error.params ?? null }, { status: status[error.code] ?? 400 });
  throw error;
}

/**
 * A stored file as a download (or, for mail originals, as plain text): with nosniff and a
 * sandboxing CSP, so an uploaded HTML or SVG file can never run in our origin.
 */
export function downloadResponse(fileName: string, bytes: Uint8Array, as: "attachment" | "text" = "attachment"): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      // "text": shown in the browser as plain text (an e-mail's original), never interpreted.
      "Content-Type": as === "text" ? "text/plain; charset=utf-8" : "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${as === "text" ? "inline" : "attachment"}; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
    },
  });
}
