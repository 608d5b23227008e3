import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { status, tagList } from "../tickets/inputs";
import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { createCanned, deleteCanned, listCanned, updateCanned } from "./service";

const cannedFields = {
  title: textInput().trim().min(1, "canned.titleRequired").max(120, "canned.titleTooLong"),
  folder: textInput().trim().max(60, "canned.folderTooLong").default(""),
  body: textInput().trim().min(1, "ticket.bodyRequired").max(20_000, "ticket.bodyTooLong"),
  shared: z.boolean().default(false),
  setStatus: status.nullable().default(null),
  addTags: tagList.default([]),
};
const cannedId = z.uuid("canned.notFound");

export const cannedRouter = createTRPCRouter({
  list: deskProcedure.input(deskInput({})).query(({ ctx }) => listCanned(ctx.tx, ctx.actor)),
  create: deskProcedure.input(deskInput(cannedFields)).mutation(({ ctx, input: { desk: _d, ...input } }) => createCanned(ctx.tx, ctx.actor, input)),
  update: deskProcedure
    .input(deskInput({ id: cannedId, ...cannedFields }))
    .mutation(({ ctx, input: { desk: _d, id, ...input } }) => updateCanned(ctx.tx, ctx.actor, id, input)),
  delete: deskProcedure.input(deskInput({ id: cannedId })).mutation(({ ctx, input }) => deleteCanned(ctx.tx, ctx.actor, input.id)),
});
