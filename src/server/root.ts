import { departmentsRouter } from "./departments/router";
import { desksRouter } from "./desks/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  desk: desksRouter,
  departments: departmentsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
