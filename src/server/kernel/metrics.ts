import { Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics, served by `/api/metrics`. Each instance reports its own
 * requests and streams; the cross-desk counts (outbox, mailboxes) are read by collectors when the
 * metrics are scraped. One registry per process, kept on globalThis so Next.js's bundles (route
 * handlers, instrumentation) share it.
 */
type Metrics = {
  registry: Registry;
  requestSeconds: Histogram<"kind" | "name" | "status">;
  liveStreams: Gauge;
  collectors: Set<Collector>;
};

/** Runs before every scrape; sets the gauges it owns (job runs and lag will register one). */
export type Collector = (registry: Registry) => Promise<void> | void;

const globalForMetrics = globalThis as unknown as { deskhandMetrics?: Metrics };

function metrics(): Metrics {
  if (!globalForMetrics.deskhandMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "deskhand_" });
    globalForMetrics.deskhandMetrics = {
      registry,
      requestSeconds: new Histogram({
        name: "deskhand_request_duration_seconds",
        help: "Time to answer a request, by kind (route or procedure), name and status",
        labelNames: ["kind", "name", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      liveStreams: new Gauge({ name: "deskhand_live_streams", help: "Live update streams (SSE subscriptions) open on this instance", registers: [registry] }),
      collectors: new Set(),
    };
  }
  return globalForMetrics.deskhandMetrics;
}

/** One answered request: a route handler's, or one tRPC procedure's (each call of a batch). */
export function observeRequest(kind: "route" | "procedure", name: string, status: number | string, seconds: number): void {
  metrics().requestSeconds.observe({ kind, name, status: String(status) }, seconds);
}

/** A live stream opened; the returned function closes it (call it once, in a finally). */
export function liveStreamOpened(): () => void {
  const gauge = metrics().liveStreams;
  gauge.inc();
  let closed = false;
  return () => {
    if (!closed) gauge.dec();
    closed = true;
  };
}

/** Adds a collector run before every scrape; returns the function that removes it. */
export function registerCollector(collector: Collector): () => void {
  const { collectors } = metrics();
  collectors.add(collector);
  return () => collectors.delete(collector);
}

/** The registry itself, for collectors that create their own gauges in it. */
export function metricsRegistry(): Registry {
  return metrics().registry;
}

/** The Prometheus text exposition, after every collector ran (one failing does not stop the rest). */
export async function renderMetrics(): Promise<{ contentType: string; body: string; failed: number }> {
  const { registry, collectors } = metrics();
  const results = await Promise.allSettled([...collectors].map((collect) => collect(registry)));
  return { contentType: registry.contentType, body: await registry.metrics(), failed: results.filter((r) => r.status === "rejected").length };
}
