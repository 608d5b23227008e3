import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { listEvents } from "./service";

export const auditRouter = createTRPCRouter({
  list: requires("audit.read")
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listEvents(ctx.tx, { cursor: input.cursor ?? null, limit: input.limit })),
});
