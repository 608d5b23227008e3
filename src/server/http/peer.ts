import http from "node:http";
import { markPeerStamped, PEER_HEADER } from "../auth/request";

/**
 * Writes each request's connection address into PEER_HEADER before Next.js sees the request,
 * replacing any such header a client sent. Next.js route handlers get a fetch Request with no
 * socket, so this is the only way the real peer reaches `clientIp`. Installed once per process,
 * from `instrumentation.ts`, in the process that owns the HTTP server (`next start`, `next dev`).
 */
export function stampPeerAddresses(): void {
  const prototype = http.Server.prototype as http.Server & { deskhandPeerStamp?: true };
  if (!prototype.deskhandPeerStamp) {
    const emit = prototype.emit;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
    prototype.deskhandPeerStamp = true;
  }
  markPeerStamped();
}
