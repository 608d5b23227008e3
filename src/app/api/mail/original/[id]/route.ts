import { z } from "zod";
import { downloadResponse, errorResponse, withDeskOfRequest } from "@/server/http/responses";
import { route } from "@/server/http/route";
import { failedOriginal, importedOriginal } from "@/server/mail/originals";

export const dynamic = "force-dynamic";

/**
 * An e-mail as it arrived: `?source=message` (the original of an imported ticket message, for
 * whoever may view the ticket) or `?source=failure` (Failed mail, for settings managers).
 * Shown as plain text, or with `?download=1` saved as a .eml file; never rendered as HTML.
 */
export const GET = route({ name: "mail.original", maxBodyBytes: 0 }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const source = query.get("source") === "failure" ? "failure" : "message";
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "mail.originalNotFound" }, { status: 404 });
  try {
    const original = await withDeskOfRequest(request, query.get("desk") ?? "", (tx, actor) => (source === "failure" ? failedOriginal(tx, actor, id) : importedOriginal(tx, actor, id)));
    return downloadResponse(original.fileName, original.bytes, query.get("download") === "1" ? "attachment" : "text");
  } catch (error) {
    return errorResponse(error);
  }
});
