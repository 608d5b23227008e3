import { ticketOutput } from "./outputs";
import { announcePresence } from "./presence";
import { deskEvents, ticketBus, type TicketChange } from "../kernel/live";
import { can } from "../kernel/permissions";
import { createTRPCRouter, deskAccessProcedure, deskInput, deskProcedure, deskReadProcedure } from "../trpc";
import { bulkUpdate, forwardTicket, purgeTicket, releaseTicket, trashTicket, updateTicket } from "./actions";
import { getTicket, replyToTicket } from "./conversation";
import { createTicketOnBehalf } from "./create";
import {
  bulkFields,
  createTicketInput,
  forwardFields,
  inboxInput,
  mergeFields,
  presenceFields,
  replyInput,
  splitFields,
  ticketChanges as changes,
  ticketId,
  followerFields,
  followerRemoval,
  ticketSearchQuery,
  trashChoice,
} from "./inputs";
import { listInbox, queueCounts } from "./inbox";
import { mergeTickets, splitMessage, unmergeTickets } from "./merge";
import { searchTickets } from "./search";
import { returnToAutomatic } from "./auto-priority";
import { addFollowerByAgent, removeFollower } from "./followers";

export const ticketsRouter = createTRPCRouter({
  inbox: deskProcedure.input(deskInput(inboxInput)).query(({ ctx, input: { desk: _d, direction: _dir, ...query } }) => listInbox(ctx.tx, ctx.actor, query)),
  counts: deskReadProcedure.input(deskInput({})).query(({ ctx }) => queueCounts(ctx.tx, ctx.actor)),
  search: deskReadProcedure.input(deskInput({ query: ticketSearchQuery })).query(({ ctx, input }) => searchTickets(ctx.tx, ctx.actor, input.query)),
  get: deskProcedure.input(deskInput({ ticketId })).output(ticketOutput).query(({ ctx, input }) => getTicket(ctx.tx, ctx.actor, input.ticketId)),
  create: deskProcedure
    .input(deskInput(createTicketInput.shape))
    .mutation(({ ctx, input: { desk: _d, ...input } }) => createTicketOnBehalf(ctx.tx, ctx.actor, input)),
  reply: deskProcedure.input(deskInput(replyInput)).mutation(({ ctx, input: { desk: _d, ...input } }) => replyToTicket(ctx.tx, ctx.actor, input)),
  update: deskProcedure
    .input(deskInput({ ticketId, changes }))
    .mutation(({ ctx, input }) => updateTicket(ctx.tx, ctx.actor, input.ticketId, input.changes)),
  forward: deskProcedure
    .input(deskInput(forwardFields))
    .mutation(({ ctx, input }) => forwardTicket(ctx.tx, ctx.actor, input.ticketId, input.departmentId, input.note ?? null)),
  trash: deskProcedure.input(deskInput(trashChoice)).mutation(({ ctx, input }) => trashTicket(ctx.tx, ctx.actor, input.ticketId, input.trashed)),
  /** The agent's priority stops winning: the desk's rules score the ticket again at once. */
  returnToAutomatic: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => returnToAutomatic(ctx.tx, ctx.actor, input.ticketId)),
  addFollower: deskProcedure.input(deskInput(followerFields)).mutation(({ ctx, input }) => addFollowerByAgent(ctx.tx, ctx.actor, input.ticketId, input)),
  removeFollower: deskProcedure.input(deskInput(followerRemoval)).mutation(({ ctx, input }) => removeFollower(ctx.tx, ctx.actor, input.ticketId, input.email)),
  release: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => releaseTicket(ctx.tx, ctx.actor, input.ticketId)),
  purge: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => purgeTicket(ctx.tx, ctx.actor, input.ticketId)),
  merge: deskProcedure
    .input(deskInput(mergeFields))
    .mutation(({ ctx, input }) => mergeTickets(ctx.tx, ctx.actor, input.sourceId, input.targetId)),
  unmerge: deskProcedure
    .input(deskInput(mergeFields))
    .mutation(({ ctx, input }) => unmergeTickets(ctx.tx, ctx.actor, input.targetId, input.sourceId)),
  split: deskProcedure
    .input(deskInput(splitFields))
    .mutation(({ ctx, input }) => splitMessage(ctx.tx, ctx.actor, input.ticketId, input.messageId, input.subject)),
  bulk: deskProcedure
    .input(deskInput(bulkFields))
    .mutation(({ ctx, input }) => bulkUpdate(ctx.tx, ctx.actor, input.ticketIds, input.action)),
  /** "I am looking at (or typing in) this ticket": colleagues see it live. */
  presence: deskProcedure.input(deskInput(presenceFields)).mutation(({ ctx, input }) => announcePresence(ctx.tx, ctx.actor, input.ticketId, input.typing)),
  /** Live changes the caller may see: ids only; the client refetches what it shows. */
  changes: deskAccessProcedure.input(deskInput({})).subscription(async function* ({ ctx, signal }) {
    const member = ctx.watch(signal);
    const bus = await ticketBus(ctx.listen);
    for await (const change of deskEvents<TicketChange>(bus, ctx.actor.tenantId, member.signal)) {
      if (can(member.actor().access, "ticket.view", change.departmentId)) yield change;
    }
  }),
});
