import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { withTenant } from "../db/tenant";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { requestMagicLink } from "./help";
import { portalStatusInput, portalToken as token, portalViewInput, rateReplyInput, requestLinkInput } from "./inputs";
import { unsafeResolveCustomerLink } from "./links";
import { portalSetStatus, portalView, rateReply } from "./service";

/**
 * The customer's side, with no account: the token in the input is the only credential. It is
 * resolved to its desk and customer, then everything runs inside that desk's tenant scope and
 * reads only that customer's tickets. An unknown or expired token: NOT_FOUND, nothing else.
 */
const portalProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = z.object({ token }).safeParse(await getRawInput());
  const link = claim.success ? await unsafeResolveCustomerLink(ctx.db, claim.data.token) : null;
  if (!link) throw new TRPCError({ code: "NOT_FOUND", message: "portal.notFound" });
  return withTenant(ctx.db, link.tenantId, async (tx) => {
    const result = await next({ ctx: { ...ctx, tx, link } });
    if (!result.ok) throw result.error;
    return result;
  });
});

export const portalRouter = createTRPCRouter({
  view: portalProcedure.input(portalViewInput).query(({ ctx, input }) => portalView(ctx.tx, ctx.link, input.number)),
  setStatus: portalProcedure
    .input(portalStatusInput)
    .mutation(({ ctx, input }) => portalSetStatus(ctx.tx, ctx.link, input)),
  rate: portalProcedure
    .input(rateReplyInput)
    .mutation(({ ctx, input }) => rateReply(ctx.tx, ctx.link, input)),
  requestLink: publicProcedure
    .input(requestLinkInput)
    .mutation(({ ctx, input }) => requestMagicLink(ctx.db, input.desk, input, { ip: ctx.ip })),
});
