import { z } from "zod";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { downloadResponse } from "@/server/files/http";
import { fileForCustomer } from "@/server/portal/files";
import { unsafeResolveCustomerLink } from "@/server/portal/links";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** An attachment of the customer's own ticket (never of a note), always as a download. */
export const GET = route({ name: "portal.file", maxBodyBytes: 0 }, async (_request: Request, { params }: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await params;
  const db = await getDb();
  const link = z.uuid().safeParse(id).success ? await unsafeResolveCustomerLink(db, token) : null;
  const found = link ? await withTenant(db, link.tenantId, (tx) => fileForCustomer(tx, link, id)) : null;
  if (!found) return Response.json({ error: "file.notFound" }, { status: 404 });
  const { file, bytes } = found;
  return downloadResponse(file.fileName, bytes);
});
