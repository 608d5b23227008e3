import { linkRequestOutput, portalRatingOutput, portalStatusOutput, portalViewOutput } from "./outputs";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { createTRPCRouter, publicProcedure, portalProcedure } from "../trpc";
import { requestMagicLink } from "./help";
import { portalSetStatus, portalView, rateReply } from "./service";
import { deskSlug, email } from "../kernel/inputs";

const token = textInput().max(100);
const number = z.number().int().min(1).max(2_000_000_000).nullish();

export const portalRouter = createTRPCRouter({
  view: portalProcedure.input(z.strictObject({ token, number })).output(portalViewOutput).query(({ ctx, input }) => portalView(ctx.tx, ctx.link, input.number)),
  setStatus: portalProcedure
    .input(z.strictObject({ token, number, status: z.enum(["closed", "open"]) }))
    .output(portalStatusOutput)
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
    .output(portalRatingOutput)
    .mutation(({ ctx, input }) => rateReply(ctx.tx, ctx.link, input)),
  requestLink: publicProcedure
    .input(z.strictObject({ desk: deskSlug, email, website: textInput().max(500).default("") }))
    .output(linkRequestOutput)
    .mutation(({ ctx, input }) => requestMagicLink(ctx.db, input.desk, input, { ip: ctx.ip })),
});
