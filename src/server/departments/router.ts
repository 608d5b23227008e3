import { createTRPCRouter, deskInput, deskProcedure, requires } from "../trpc";
import { departmentFields, departmentId, moveDirection } from "./inputs";
import { archiveDepartment, openTicketCount } from "../tickets/department-moves";
import { createDepartment, listDepartments, moveDepartment, restoreDepartment, updateDepartment } from "./service";

export const departmentsRouter = createTRPCRouter({
  /** The departments the caller may work: all for owners and admins, granted ones for agents. */
  list: deskProcedure.input(deskInput({})).query(({ ctx }) => listDepartments(ctx.tx, { visibleTo: ctx.actor.access })),
  /** Every department, archived ones included, for the Departments page of managers. */
  listAll: requires("departments.manage").input(deskInput({})).query(({ ctx }) => listDepartments(ctx.tx, { includeArchived: true })),
  create: requires("departments.manage")
    .input(deskInput(departmentFields))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => createDepartment(ctx.tx, ctx.actor, input)),
  update: requires("departments.manage")
    .input(deskInput({ id: departmentId, ...departmentFields }))
    .mutation(({ ctx, input: { desk: _desk, id, ...input } }) => updateDepartment(ctx.tx, ctx.actor, id, input)),
  move: requires("departments.manage")
    .input(deskInput({ id: departmentId, direction: moveDirection }))
    .mutation(({ ctx, input }) => moveDepartment(ctx.tx, ctx.actor, input.id, input.direction)),
  archive: requires("departments.manage")
    .input(deskInput({ id: departmentId, moveOpenTicketsTo: departmentId.nullish() }))
    .mutation(({ ctx, input }) => archiveDepartment(ctx.tx, ctx.actor, input.id, input.moveOpenTicketsTo ?? null)),
  openTicketCount: requires("departments.manage")
    .input(deskInput({ id: departmentId }))
    .query(({ ctx, input }) => openTicketCount(ctx.tx, input.id)),
  restore: requires("departments.manage")
    .input(deskInput({ id: departmentId }))
    .mutation(({ ctx, input }) => restoreDepartment(ctx.tx, ctx.actor, input.id)),
});
