import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { eventLogPage, listEventActions } from "./service";

const isoDay = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");

export const auditRouter = createTRPCRouter({
  list: requires("audit.read")
    .input(
      deskInput({
        ...pageInput,
        actorUserId: z.uuid().nullish(),
        action: textInput().max(64).nullish(),
        from: isoDay.nullish(),
        to: isoDay.nullish(),
      }),
    )
    .query(({ ctx, input }) =>
      eventLogPage(ctx.tx, {
        cursor: input.cursor ?? null,
        limit: input.limit,
        actorUserId: input.actorUserId ?? null,
        action: input.action ?? null,
        fromDay: input.from ?? null,
        toDay: input.to ?? null,
      }),
    ),
  actions: requires("audit.read").input(deskInput({})).query(({ ctx }) => listEventActions(ctx.tx)),
});
