import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { eventLogFilters } from "./inputs";
import { eventLogPage, listEventActions } from "./service";

export const auditRouter = createTRPCRouter({
  list: requires("audit.read")
    .input(deskInput({ ...pageInput, ...eventLogFilters }))
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
