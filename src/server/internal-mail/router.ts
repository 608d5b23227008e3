import { createTRPCRouter, deskAccessProcedure, deskInput, deskProcedure, pageInput } from "../trpc";
import { replyInput, startThreadInput, threadId } from "./inputs";
import { internalMailBus, type InternalMailChange } from "./live";
import { deskEvents } from "../kernel/live";
import { replyToThread, startThread } from "./send";
import { getThread, listColleagues, listThreads, mailboxState, markRead } from "./threads";

/**
 * Internal mail between colleagues of a desk. Every member may use it; a thread is readable by
 * its participants only. Writing needs the internal_mail billing option (FORBIDDEN without it);
 * threads already written stay readable.
 */
export const internalMailRouter = createTRPCRouter({
  state: deskProcedure.input(deskInput({})).query(({ ctx }) => mailboxState(ctx.tx, ctx.actor)),
  threads: deskProcedure
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listThreads(ctx.tx, ctx.actor, { cursor: input.cursor ?? null, limit: input.limit })),
  thread: deskProcedure.input(deskInput({ threadId })).query(({ ctx, input }) => getThread(ctx.tx, ctx.actor, input.threadId)),
  markRead: deskProcedure.input(deskInput({ threadId })).mutation(({ ctx, input }) => markRead(ctx.tx, ctx.actor, input.threadId)),
  colleagues: deskProcedure.input(deskInput({})).query(({ ctx }) => listColleagues(ctx.tx, ctx.actor)),
  start: deskProcedure
    .input(deskInput(startThreadInput.shape))
    .mutation(({ ctx, input: { desk: _d, ...input } }) => startThread(ctx.tx, ctx.actor, input)),
  reply: deskProcedure.input(deskInput(replyInput.shape)).mutation(({ ctx, input: { desk: _d, ...input } }) => replyToThread(ctx.tx, ctx.actor, input)),
  /** Threads of the caller that changed: ids only; the client refetches through the queries above. */
  changes: deskAccessProcedure.input(deskInput({})).subscription(async function* ({ ctx, signal }) {
    const member = ctx.watch(signal);
    const bus = await internalMailBus(ctx.listen);
    for await (const change of deskEvents<InternalMailChange>(bus, ctx.actor.tenantId, member.signal)) {
      if (change.membershipIds.includes(ctx.actor.membershipId)) yield { threadId: change.threadId, kind: change.kind };
    }
  }),
});
