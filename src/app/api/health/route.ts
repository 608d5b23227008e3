import { sql } from "drizzle-orm";
import { getDatabase } from "@/server/db/client";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export const GET = route({ name: "health", maxBodyBytes: 0 }, async () => {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
});
