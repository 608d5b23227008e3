import "server-only";
import { auth } from "./auth/next-auth";
import { clientIp } from "./auth/request";
import { findSessionUser } from "./auth/service";
import { getDatabase, getReplicaDb } from "./db/client";
import type { Context } from "./trpc";

/** The tRPC context of a request: the session is trusted only while its token version holds. */
export async function createRequestContext(headers: Headers, requestId: string | null = null): Promise<Context> {
  const { db, listen } = await getDatabase();
  const session = await auth();
  const user = session?.user.id ? await findSessionUser(db, session.user.id, session.tokenVersion, session.sessionId) : null;
  return { db, replica: getReplicaDb(), listen, user, ip: clientIp(headers), requestId, requestHeaders: headers };
}
