import { textInput } from "@/lib/text-input";
import { zonedDayStart, nextDay } from "@/lib/dates";
import { getDesk } from "../desks/service";
import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { ratingsSummary } from "./service";

const day = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");

/** Customers' ratings of replies: owners and admins only (FORBIDDEN for agents). */
export const ratingsRouter = createTRPCRouter({
  summary: deskProcedure.input(deskInput({ from: day.nullish(), to: day.nullish() })).query(async ({ ctx, input }) => {
    const { timeZone } = await getDesk(ctx.tx);
    return ratingsSummary(ctx.tx, ctx.actor, {
      from: input.from ? zonedDayStart(input.from, timeZone) : null,
      to: input.to ? zonedDayStart(nextDay(input.to), timeZone) : null,
    });
  }),
});
