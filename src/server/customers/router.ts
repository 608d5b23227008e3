import { createTRPCRouter, deskInput, deskProcedure, pageInput, requires } from "../trpc";
import { visibleDepartments } from "../tickets/inbox";
import { blockedChoice, customerId, customerQuery, vipChoice } from "./inputs";
import { getVisibleCustomer, listCustomers, setCustomerBlocked, setCustomerVip } from "./service";

export const customersRouter = createTRPCRouter({
  list: deskProcedure
    .input(deskInput({ ...pageInput, query: customerQuery.nullish() }))
    .query(async ({ ctx, input }) =>
      listCustomers(ctx.tx, {
        query: input.query ?? null,
        cursor: input.cursor ?? null,
        limit: input.limit,
        departments: await visibleDepartments(ctx.tx, ctx.actor),
      }),
    ),
  get: deskProcedure.input(deskInput({ customerId })).query(async ({ ctx, input }) => getVisibleCustomer(ctx.tx, input.customerId, await visibleDepartments(ctx.tx, ctx.actor))),
  setBlocked: requires("desk.settings")
    .input(deskInput(blockedChoice))
    .mutation(({ ctx, input }) => setCustomerBlocked(ctx.tx, ctx.actor, input.customerId, input.blocked)),
  setVip: requires("desk.settings")
    .input(deskInput(vipChoice))
    .mutation(({ ctx, input }) => setCustomerVip(ctx.tx, ctx.actor, input.customerId, input.vip)),
});
