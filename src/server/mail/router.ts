import { createTRPCRouter, deskInput, pageInput, requires } from "../trpc";
import { listOutbox } from "./outbox";

export const mailRouter = createTRPCRouter({
  outbox: requires("desk.settings")
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listOutbox(ctx.tx, { cursor: input.cursor ?? null, limit: input.limit })),
});
