import { z } from "zod";
import { errorResponse, withDeskOfRequest } from "@/server/files/http";
import { fileForDownload } from "@/server/files/service";

export const dynamic = "force-dynamic";

/**
 * Downloads an attachment the caller may see. Always as an attachment, with nosniff and a
 * sandboxing CSP, so an uploaded HTML or SVG file can never run in our origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const desk = new URL(request.url).searchParams.get("desk") ?? "";
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "file.notFound" }, { status: 404 });
  try {
    const { file, bytes } = await withDeskOfRequest(request, desk, (tx, actor) => fileForDownload(tx, actor, id));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
