import { errorResponse, fromOurOrigin, withDeskOfRequest } from "@/server/http/responses";
import { maxUploadBytes, storeUpload } from "@/server/files/service";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Multipart upload of one file (fields: desk, file). Returns the stored file's id to attach on send. */
export const POST = route({ name: "files.upload", maxBodyBytes: maxUploadBytes() + 64 * 1024 }, async (request) => {
  if (!fromOurOrigin(request)) return Response.json({ error: "origin" }, { status: 403 });
  try {
    const form = await request.formData();
    const desk = form.get("desk");
    const file = form.get("file");
    if (typeof desk !== "string" || !(file instanceof File)) return Response.json({ error: "file.missing" }, { status: 400 });
    const stored = await withDeskOfRequest(request, desk, async (tx, actor) =>
      storeUpload(tx, actor, { fileName: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }),
    );
    return Response.json(stored);
  } catch (error) {
    return errorResponse(error);
  }
});
