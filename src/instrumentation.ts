export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before anything serves a request: the connection's address for clientIp().
    const { stampPeerAddresses } = await import("./server/http/peer");
    stampPeerAddresses();
    const { startServer } = await import("./server/platform/startup");
    await startServer();
  }
}
