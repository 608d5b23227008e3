import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { cannedFields, cannedId } from "./inputs";
import { createCanned, deleteCanned, listCanned, updateCanned } from "./service";

export const cannedRouter = createTRPCRouter({
  list: deskProcedure.input(deskInput({})).query(({ ctx }) => listCanned(ctx.tx, ctx.actor)),
  create: deskProcedure.input(deskInput(cannedFields)).mutation(({ ctx, input: { desk: _d, ...input } }) => createCanned(ctx.tx, ctx.actor, input)),
  update: deskProcedure
    .input(deskInput({ id: cannedId, ...cannedFields }))
    .mutation(({ ctx, input: { desk: _d, id, ...input } }) => updateCanned(ctx.tx, ctx.actor, id, input)),
  delete: deskProcedure.input(deskInput({ id: cannedId })).mutation(({ ctx, input }) => deleteCanned(ctx.tx, ctx.actor, input.id)),
});
