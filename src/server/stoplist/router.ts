import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { createTRPCRouter, deskInput, requires } from "../trpc";
import { stopKinds } from "./schema";
import { addStopListEntry, listStopList, removeStopListEntry } from "./service";

/** Settings → Stop-list (admins and owners). */
export const stopListRouter = createTRPCRouter({
  list: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listStopList(ctx.tx, ctx.actor)),
  add: requires("desk.settings")
    .input(deskInput({ kind: z.enum(stopKinds), value: textInput().trim().min(1, "stopList.valueRequired").max(200, "stopList.valueTooLong") }))
    .mutation(({ ctx, input }) => addStopListEntry(ctx.tx, ctx.actor, input)),
  remove: requires("desk.settings")
    .input(deskInput({ id: z.uuid("stopList.notFound") }))
    .mutation(({ ctx, input }) => removeStopListEntry(ctx.tx, ctx.actor, input.id)),
});
