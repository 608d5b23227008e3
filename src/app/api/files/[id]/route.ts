import { z } from "zod";
import { downloadResponse, errorResponse, withDeskOfRequest } from "@/server/http/responses";
import { route } from "@/server/http/route";
import { fileForDownload } from "@/server/tickets/attachments";

export const dynamic = "force-dynamic";

/**
 * Downloads an attachment the caller may see. Always as an attachment, with nosniff and a
 * sandboxing CSP, so an uploaded HTML or SVG file can never run in our origin.
 */
export const GET = route({ name: "files.download", maxBodyBytes: 0 }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const desk = new URL(request.url).searchParams.get("desk") ?? "";
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "file.notFound" }, { status: 404 });
  try {
    const { file, bytes } = await withDeskOfRequest(request, desk, (tx, actor) => fileForDownload(tx, actor, id));
    return downloadResponse(file.fileName, bytes);
  } catch (error) {
    return errorResponse(error);
  }
});
