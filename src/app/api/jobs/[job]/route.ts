import crypto from "node:crypto";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";
import { isJobName, jobToken, runJob } from "@/server/platform/jobs";

export const dynamic = "force-dynamic";

/** Runs a background job now: for `npm run job` and external cron. Bearer token required; no body. */
export const POST = route({ name: "jobs", maxBodyBytes: 1024 }, async (request, { params }: { params: Promise<{ job: string }> }) => {
  const { job } = await params;
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(jobToken());
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  if (!isJobName(job)) return Response.json({ error: "unknown job" }, { status: 404 });
  return Response.json({ job, result: await runJob(job, await getDb()) });
});
