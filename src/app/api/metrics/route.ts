import { env } from "@/env";
import { route } from "@/server/http/route";
import { metricsResponse } from "@/server/http/metrics";

export const dynamic = "force-dynamic";

/** Prometheus metrics behind METRICS_TOKEN (src/server/http/metrics.ts); 404 without it. */
export const GET = route({ name: "metrics", maxBodyBytes: 0 }, (request) => metricsResponse(request, env.METRICS_TOKEN));
