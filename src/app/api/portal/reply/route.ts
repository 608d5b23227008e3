import { z } from "zod";
import { clientIp } from "@/server/auth/request";
import { getDb } from "@/server/db/client";
import { DeskError } from "@/server/errors";
import { fromOurOrigin } from "@/server/http/responses";
import { route } from "@/server/http/route";
import { portalReply } from "@/server/portal/service";
import { formFields, formUploads, publicErrorResponse } from "@/server/public/http";
import { consumeLimits } from "@/server/kernel/limits";
import { messageBody } from "@/server/tickets/inputs";
import { textInput } from "@/lib/text-input";
import { getDesk } from "@/server/kernel/desk";
import { viaCustomerLink } from "@/server/tenancy/public";
import { visitorUploadLimit, MAX_VISITOR_FILES } from "@/server/public/limits";

export const dynamic = "force-dynamic";

const replyInput = z.strictObject({
  token: textInput().max(100),
  number: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
  body: messageBody,
});

/** The customer's reply on /t/TOKEN: multipart (token, ticket number for a list link, body, files). */
export const POST = route({ name: "portal.reply", maxBodyBytes: visitorUploadLimit() }, async (request) => {
  const db = await getDb();
  let locale: "en" | "ru" = "en";
  try {
    if (!fromOurOrigin(request)) return Response.json({ error: "origin" }, { status: 403 });
    const form = await request.formData();
    const input = replyInput.parse(formFields(form, ["token", "number", "body"]));
    const uploads = await formUploads(form, "files");
    const result = await viaCustomerLink(db, input.token, async (tx, link) => {
      locale = (await getDesk(tx)).locale;
      await consumeLimits(tx, [["replyPerIp", clientIp(request.headers)]]);
      if (uploads.length > MAX_VISITOR_FILES) throw new DeskError("BAD_REQUEST", "file.tooManyForVisitor", { fields: { files: "file.tooManyForVisitor" }, params: { max: MAX_VISITOR_FILES } });
      return portalReply(tx, link, { number: input.number ?? null, body: input.body }, uploads);
    });
    if (!result) throw new DeskError("NOT_FOUND", "portal.notFound");
    return Response.json(result);
  } catch (error) {
    return publicErrorResponse(error, locale);
  }
});
