import { linkRequestOutput, portalRatingOutput, portalStatusOutput, portalViewOutput } from "./outputs";
import { createTRPCRouter, publicProcedure, portalProcedure } from "../trpc";
import { requestMagicLink } from "./help";
import { portalStatusInput, portalViewInput, rateReplyInput, requestLinkInput } from "./inputs";
import { portalSetStatus, portalView, rateReply } from "./service";

export const portalRouter = createTRPCRouter({
  view: portalProcedure.input(portalViewInput).output(portalViewOutput).query(({ ctx, input }) => portalView(ctx.tx, ctx.link, input.number)),
  setStatus: portalProcedure
    .input(portalStatusInput)
    .output(portalStatusOutput)
    .mutation(({ ctx, input }) => portalSetStatus(ctx.tx, ctx.link, input)),
  rate: portalProcedure
    .input(rateReplyInput)
    .output(portalRatingOutput)
    .mutation(({ ctx, input }) => rateReply(ctx.tx, ctx.link, input)),
  requestLink: publicProcedure
    .input(requestLinkInput)
    .output(linkRequestOutput)
    .mutation(({ ctx, input }) => requestMagicLink(ctx.db, input.desk, input, { ip: ctx.ip })),
});
