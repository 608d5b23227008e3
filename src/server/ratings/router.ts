import { zonedDayStart, nextDay } from "@/lib/dates";
import { getDesk } from "../desks/service";
import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { ratingsPeriod } from "./inputs";
import { ratingsSummary } from "./service";

/** Customers' ratings of replies: owners and admins only (FORBIDDEN for agents). */
export const ratingsRouter = createTRPCRouter({
  summary: deskProcedure.input(deskInput(ratingsPeriod)).query(async ({ ctx, input }) => {
    const { timeZone } = await getDesk(ctx.tx);
    return ratingsSummary(ctx.tx, ctx.actor, {
      from: input.from ? zonedDayStart(input.from, timeZone) : null,
      to: input.to ? zonedDayStart(nextDay(input.to), timeZone) : null,
    });
  }),
});
