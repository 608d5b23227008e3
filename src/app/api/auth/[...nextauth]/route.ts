import type { NextRequest } from "next/server";
import { baseUrl } from "@/env";
import { handlers } from "@/server/auth/next-auth";
import { route } from "@/server/http/route";

// Sign-in forms and session reads: small bodies only.
const limits = { name: "auth", maxBodyBytes: 64 * 1024 };

/**
 * Auth.js builds its own addresses (the company sign-in's redirect_uri, its callbacks) from the
 * request's URL, which behind a proxy or on a bound address is not the one people use; ours come
 * from APP_URL, like every link we send.
 */
async function atAppUrl(request: Request): Promise<NextRequest> {
  const url = new URL(request.url);
  const app = new URL(baseUrl);
  url.protocol = app.protocol;
  url.host = app.host;
  // A plain Request: Next's own request class would take the host back from the server.
  const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
  return new Request(url, { method: request.method, headers: request.headers, body, signal: request.signal }) as NextRequest;
}

export const GET = route(limits, async (request) => handlers.GET(await atAppUrl(request)));
export const POST = route(limits, async (request) => handlers.POST(await atAppUrl(request)));
