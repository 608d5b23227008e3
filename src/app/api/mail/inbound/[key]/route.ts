import { hasOption } from "@/server/billing/account";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";
import { importInto, MAX_MAIL_BYTES } from "@/server/mail/inbound";
import { forwardingAddressScope } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

/**
 * The desk's forwarding address: a mail server or provider POSTs one raw RFC 822 message (any
 * content type). The secret key in the path is the credential. 202 with what became of it; a
 * message that cannot be imported is kept in Failed mail (202 too, so the sender does not retry
 * something that will fail again); 404 for an unknown key, 413 past 30 MB (before it is read).
 */
export const POST = route({ name: "mail.inbound", maxBodyBytes: MAX_MAIL_BYTES }, async (request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const desk = await forwardingAddressScope(await getDb(), key);
  if (!desk) return Response.json({ error: "mail.inboundNotFound" }, { status: 404 });
  // Without the Mail integration option the desk takes no mail: refused, so the sending server
  // bounces it to the sender instead of it vanishing here.
  if (!(await desk.run((tx) => hasOption(tx, "mail")))) return Response.json({ error: "billing.optionMissing" }, { status: 403 });
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.byteLength === 0) return Response.json({ error: "mail.empty" }, { status: 400 });
  return Response.json(await importInto(desk, raw), { status: 202 });
});
