import { createRequestContext } from "@/server/context";
import { route } from "@/server/http/route";
import { handleTrpcRequest, TRPC_MAX_BODY_BYTES } from "@/server/http/trpc";

const handler = route({ name: "trpc", maxBodyBytes: TRPC_MAX_BODY_BYTES }, (request, _context: unknown, { requestId, note }) =>
  handleTrpcRequest(request, requestId, () => createRequestContext(request.headers, requestId), note),
);

export { handler as GET, handler as POST };
