export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./env");
    // Traces only when an endpoint is configured (@vercel/otel reads OTEL_* itself): nothing changes by default.
    if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
      const { registerOTel } = await import("@vercel/otel");
      registerOTel({ serviceName: "deskhand" });
    }
    // Before anything serves a request: the connection's address for clientIp().
    const { stampPeerAddresses } = await import("./server/http/peer");
    stampPeerAddresses();
    const { startServer } = await import("./server/platform/startup");
    await startServer();
  }
}
