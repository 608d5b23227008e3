import { z } from "zod";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { fileForCustomer } from "@/server/portal/files";
import { unsafeResolveCustomerLink } from "@/server/portal/links";

export const dynamic = "force-dynamic";

/** An attachment of the customer's own ticket (never of a note), always as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; id: string }> }) {
  const { token, id } = await params;
  const db = await getDb();
  const link = z.uuid().safeParse(id).success ? await unsafeResolveCustomerLink(db, token) : null;
  const found = link ? await withTenant(db, link.tenantId, (tx) => fileForCustomer(tx, link, id)) : null;
  if (!found) return Response.json({ error: "file.notFound" }, { status: 404 });
  const { file, bytes } = found;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
