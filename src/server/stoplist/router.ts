import { createTRPCRouter, deskInput, requires } from "../trpc";
import { stopEntryFields, stopEntryId } from "./inputs";
import { addStopListEntry, listStopList, removeStopListEntry } from "./service";

/** Settings → Stop-list (admins and owners). */
export const stopListRouter = createTRPCRouter({
  list: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listStopList(ctx.tx, ctx.actor)),
  add: requires("desk.settings")
    .input(deskInput(stopEntryFields))
    .mutation(({ ctx, input }) => addStopListEntry(ctx.tx, ctx.actor, input)),
  remove: requires("desk.settings")
    .input(deskInput({ id: stopEntryId }))
    .mutation(({ ctx, input }) => removeStopListEntry(ctx.tx, ctx.actor, input.id)),
});
