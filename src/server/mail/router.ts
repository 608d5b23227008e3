import { desc, isNull } from "drizzle-orm";
import { baseUrl } from "@/env";
import { hasOption } from "../billing/account";
import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { ensureMailSettings } from "./inbound";
import { listOutbox } from "./outbox";
import { z } from "zod";
import { getDesk } from "../desks/service";
import { mailFailures, templateKinds } from "./schema";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "./templates";

const template = {
  kind: z.enum(templateKinds),
  locale: z.enum(["en", "ru"]),
};
const wording = {
  subject: z.string().trim().min(1, "mailTemplate.subjectRequired").max(300, "mailTemplate.subjectTooLong"),
  body: z.string().trim().min(1, "mailTemplate.bodyRequired").max(20_000, "mailTemplate.bodyTooLong"),
};

export const mailRouter = createTRPCRouter({
  outbox: requires("desk.settings")
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listOutbox(ctx.tx, { cursor: input.cursor ?? null, limit: input.limit })),
  /** Settings → Mail templates: each customer mail in both languages, the desk's wording or the default. */
  templates: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listTemplates(ctx.tx)),
  saveTemplate: requires("desk.settings")
    .input(deskInput({ ...template, ...wording }))
    .mutation(({ ctx, input }) => saveTemplate(ctx.tx, ctx.actor.tenantId, input)),
  resetTemplate: requires("desk.settings")
    .input(deskInput(template))
    .mutation(({ ctx, input }) => resetTemplate(ctx.tx, input)),
  previewTemplate: requires("desk.settings")
    .input(deskInput({ ...template, ...wording }))
    .query(async ({ ctx, input }) => {
      const desk = await getDesk(ctx.tx);
      return previewTemplate(input.kind, input, desk.displayName, desk.slug);
    }),
  /** Settings → Mail: the forwarding address to give a mail server, and mail that could not be imported. */
  inbound: requires("desk.settings")
    .input(deskInput({}))
    .query(async ({ ctx }) => {
      // Mail integration is a billing option (included on Pro): without it the address is not given out.
      if (!(await hasOption(ctx.tx, "mail"))) return { enabled: false as const, address: null, failures: [] };
      const settings = await ensureMailSettings(ctx.tx, ctx.actor.tenantId);
      const failures = await ctx.tx
        .select({ id: mailFailures.id, error: mailFailures.error, createdAt: mailFailures.createdAt })
        .from(mailFailures)
        .where(isNull(mailFailures.resolvedAt))
        .orderBy(desc(mailFailures.id))
        .limit(50);
      return { enabled: true as const, address: `${baseUrl}/api/mail/inbound/${settings.inboundKey}`, failures };
    }),
});
