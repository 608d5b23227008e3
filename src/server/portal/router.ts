import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { withTenant } from "../db/tenant";
import { deskSlug, email } from "../desks/inputs";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { requestMagicLink } from "./help";
import { unsafeResolveCustomerLink } from "./links";
import { portalSetStatus, portalView, rateReply } from "./service";

const token = textInput().max(100);
const number = z.number().int().min(1).max(2_000_000_000).nullish();

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
  view: portalProcedure.input(z.strictObject({ token, number })).query(({ ctx, input }) => portalView(ctx.tx, ctx.link, input.number)),
  setStatus: portalProcedure
    .input(z.strictObject({ token, number, status: z.enum(["closed", "open"]) }))
    .mutation(({ ctx, input }) => portalSetStatus(ctx.tx, ctx.link, input)),
  rate: portalProcedure
    .input(
      z.strictObject({
        token,
        number,
        messageId: z.uuid("rating.notRateable"),
        quality: z.number().int().min(1, "rating.scale").max(5, "rating.scale"),
        speed: z.number().int().min(1, "rating.scale").max(5, "rating.scale"),
        comment: textInput().trim().max(2000, "rating.commentTooLong").default(""),
      }),
    )
    .mutation(({ ctx, input }) => rateReply(ctx.tx, ctx.link, input)),
  requestLink: publicProcedure
    .input(z.strictObject({ desk: deskSlug, email, website: textInput().max(500).default("") }))
    .mutation(({ ctx, input }) => requestMagicLink(ctx.db, input.desk, input, { ip: ctx.ip })),
});
