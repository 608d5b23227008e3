import { z } from "zod";
import { getDb } from "@/server/db/client";
import { downloadResponse } from "@/server/http/responses";
import { fileForCustomer } from "@/server/portal/files";
import { route } from "@/server/http/route";
import { viaCustomerLink } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

/** An attachment of the customer's own ticket (never of a note), always as a download. */
export const GET = route({ name: "portal.file", maxBodyBytes: 0 }, async (_request: Request, { params }: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await params;
  const db = await getDb();
  const found = z.uuid().safeParse(id).success ? await viaCustomerLink(db, token, (tx, link) => fileForCustomer(tx, link, id)) : null;
  if (!found) return Response.json({ error: "file.notFound" }, { status: 404 });
  const { file, bytes } = found;
  return downloadResponse(file.fileName, bytes);
});
