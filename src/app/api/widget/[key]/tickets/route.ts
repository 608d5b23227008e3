import { z } from "zod";
import { clientIp } from "@/server/auth/request";
import { getDb } from "@/server/db/client";
import { fromOurOrigin } from "@/server/http/responses";
import { route } from "@/server/http/route";
import { formFields, formUploads, publicErrorResponse } from "@/server/public/http";
import { widgetSubmission } from "@/server/widget/inputs";
import { submitFromWidget } from "@/server/widget/submit";
import { getDesk } from "@/server/kernel/desk";
import { viaWidgetKey } from "@/server/tenancy/public";
import { visitorUploadLimit } from "@/server/public/limits";

export const dynamic = "force-dynamic";

/**
 * A visitor's ticket from the widget page: multipart (the form's fields and up to five files).
 * Only the widget page itself may post (our origin, plus a header a cross-site form cannot set).
 */
export const POST = route({ name: "widget.tickets", maxBodyBytes: visitorUploadLimit() }, async (request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const db = await getDb();
  const locale = (await viaWidgetKey(db, key, async (tx) => (await getDesk(tx)).locale)) ?? "en";
  try {
    if (!fromOurOrigin(request) || request.headers.get("x-deskhand-widget") !== "1") return Response.json({ error: "origin" }, { status: 403 });
    const form = await request.formData();
    const fields = formFields(form, ["name", "email", "subject", "message", "phone", "departmentId", "website"]);
    const identity = formFields(form, ["identityEmail", "identityName", "identityHash"]);
    const input = widgetSubmission.parse({
      ...fields,
      identity: identity.identityHash ? { email: identity.identityEmail ?? "", name: identity.identityName ?? "", hash: identity.identityHash } : undefined,
    });
    const read = (formFields(form, ["articlesRead"]).articlesRead ?? "").split(",").filter((id) => z.uuid().safeParse(id).success);
    const result = await submitFromWidget(db, key, input, await formUploads(form, "files"), { ip: clientIp(request.headers), articlesRead: read });
    return Response.json(result);
  } catch (error) {
    return publicErrorResponse(error, locale);
  }
});
