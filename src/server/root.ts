import { auditRouter } from "./audit/router";
import { accountRouter } from "./auth/router";
import { departmentsRouter } from "./departments/router";
import { desksRouter } from "./desks/router";
import { staffRouter } from "./staff/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  desk: desksRouter,
  departments: departmentsRouter,
  staff: staffRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
