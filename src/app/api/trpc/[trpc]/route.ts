import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/context";
import { log } from "@/server/log";
import { appRouter } from "@/server/root";

function handler(req: Request) {
  // State changes arrive as JSON only: a cross-site form post (urlencoded, multipart, text/plain)
  // cannot be JSON without a CORS preflight, so it never reaches a mutation.
  if (req.method === "POST" && !req.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ error: "Mutations accept application/json only" }, { status: 415 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error, path }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
