import { textInput } from "@/lib/text-input";
import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { ratingsSummary } from "./service";

const day = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");

/** Customers' ratings of replies: owners and admins only (FORBIDDEN for agents). */
export const ratingsRouter = createTRPCRouter({
  summary: deskProcedure.input(deskInput({ from: day.nullish(), to: day.nullish() })).query(({ ctx, input }) => ratingsSummary(ctx.tx, ctx.actor, input)),
});
