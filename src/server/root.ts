import { auditRouter } from "./audit/router";
import { accountRouter } from "./auth/router";
import { departmentsRouter } from "./departments/router";
import { desksRouter } from "./desks/router";
import { mailRouter } from "./mail/router";
import { invitationRouter, staffRouter } from "./staff/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  desk: desksRouter,
  departments: departmentsRouter,
  staff: staffRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  mail: mailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
