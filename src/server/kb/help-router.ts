import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { withTenant } from "../db/tenant";
import { deskSlug } from "../desks/inputs";
import { unsafeFindPublicDesk } from "../portal/help";
import { consumePublicLimits } from "../public/rate-limits";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { commentInput, searchQuery } from "./inputs";
import { commentOnArticle, searchArticles, voteOnArticle } from "./public";

/**
 * The public help center's interactive parts. The desk comes from its slug (only desks past
 * setup have a help center); everything then runs inside that desk's tenant scope.
 */
const helpProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = z.object({ desk: deskSlug }).safeParse(await getRawInput());
  const desk = claim.success ? await unsafeFindPublicDesk(ctx.db, claim.data.desk) : null;
  if (!desk) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  return withTenant(ctx.db, desk.tenantId, async (tx) => {
    const result = await next({ ctx: { ...ctx, tx, tenantId: desk.tenantId } });
    if (!result.ok) throw result.error;
    return result;
  });
});

const articleId = z.uuid("kb.articleNotFound");

export const helpCenterRouter = createTRPCRouter({
  search: helpProcedure
    .input(z.strictObject({ desk: deskSlug, query: searchQuery, limit: z.number().int().min(1).max(20).default(8) }))
    .query(({ ctx, input }) => searchArticles(ctx.tx, input.query, { limit: input.limit })),
  vote: helpProcedure
    .input(
      z.strictObject({
        desk: deskSlug,
        articleId,
        visitorKey: textInput().regex(/^[A-Za-z0-9_-]{16,64}$/, "kb.voteInvalid"),
        helpful: z.boolean(),
        score: z.number().int().min(1, "rating.scale").max(5, "rating.scale").nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await consumePublicLimits([["votePerIp", ctx.ip]]);
      return voteOnArticle(ctx.tx, input);
    }),
  comment: helpProcedure.input(z.strictObject({ desk: deskSlug, articleId, ...commentInput })).mutation(async ({ ctx, input }) => {
    await consumePublicLimits([
      ["commentPerIp", ctx.ip],
      ["commentPerDesk", ctx.tenantId],
    ]);
    return commentOnArticle(ctx.tx, input, { ip: ctx.ip });
  }),
});
