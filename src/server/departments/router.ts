import { departmentName } from "../desks/inputs";
import { createTRPCRouter, deskInput, deskProcedure, requires } from "../trpc";
import { createDepartments, listDepartments } from "./service";

export const departmentsRouter = createTRPCRouter({
  list: deskProcedure.input(deskInput({})).query(({ ctx }) => listDepartments(ctx.tx)),
  create: requires("departments.manage")
    .input(deskInput({ name: departmentName }))
    .mutation(async ({ ctx, input }) => (await createDepartments(ctx.tx, ctx.actor, [input.name]))[0]!),
});

export type DepartmentsRouter = typeof departmentsRouter;
