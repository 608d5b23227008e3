import { desc, isNull } from "drizzle-orm";
import { baseUrl } from "@/env";
import { hasOption } from "../billing/account";
import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { ensureMailSettings } from "./inbound";
import { listOutbox } from "./outbox";
import { mailFailures } from "./schema";

export const mailRouter = createTRPCRouter({
  outbox: requires("desk.settings")
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listOutbox(ctx.tx, { cursor: input.cursor ?? null, limit: input.limit })),
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
