import { getDatabase } from "@/server/db/client";
import { route } from "@/server/http/route";
import { checkReadiness } from "@/server/platform/health";

export const dynamic = "force-dynamic";

/**
 * Readiness, for load balancers and deploys: the database answers and every migration this build
 * ships is applied. 503 names what failed. (`/api/health` stays liveness.)
 */
export const GET = route({ name: "health.ready", maxBodyBytes: 0 }, async () => {
  let readiness;
  try {
    readiness = await checkReadiness((await getDatabase()).db);
  } catch {
    readiness = { ready: false, database: "unreachable", migrations: { status: "unknown", missing: [] } };
  }
  return Response.json({ status: readiness.ready ? "ok" : "error", ...readiness }, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
