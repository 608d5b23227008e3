import { articleHitsOutput, commentOutput, voteOutput } from "./outputs";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { consumeLimits } from "../kernel/limits";
import { createTRPCRouter, helpProcedure } from "../trpc";
import { commentInput, searchQuery } from "./inputs";
import { commentOnArticle, searchArticles, voteOnArticle } from "./public";
import { deskSlug } from "../kernel/inputs";

const articleId = z.uuid("kb.articleNotFound");

export const helpCenterRouter = createTRPCRouter({
  search: helpProcedure
    .input(z.strictObject({ desk: deskSlug, query: searchQuery, limit: z.number().int().min(1).max(20).default(8) }))
    .output(articleHitsOutput)
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
    .output(voteOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeLimits(ctx.tx, [["votePerIp", ctx.ip]]);
      return voteOnArticle(ctx.tx, input);
    }),
  comment: helpProcedure.input(z.strictObject({ desk: deskSlug, articleId, ...commentInput })).output(commentOutput).mutation(async ({ ctx, input }) => {
    await consumeLimits(ctx.tx, [
      ["commentPerIp", ctx.ip],
      ["commentPerDesk", ctx.tenantId],
    ]);
    return commentOnArticle(ctx.tx, input, { ip: ctx.ip });
  }),
});
