import { auditRouter } from "./audit/router";
import { accountRouter } from "./auth/router";
import { cannedRouter } from "./canned/router";
import { customersRouter } from "./customers/router";
import { departmentsRouter } from "./departments/router";
import { desksRouter } from "./desks/router";
import { mailRouter } from "./mail/router";
import { invitationRouter, staffRouter } from "./staff/router";
import { ticketsRouter } from "./tickets/router";
import { billingRouter, platformRouter } from "./billing/router";
import { helpCenterRouter } from "./kb/help-router";
import { internalMailRouter } from "./internal-mail/router";
import { kbRouter } from "./kb/router";
import { portalRouter } from "./portal/router";
import { priorityRouter } from "./priority/router";
import { ratingsRouter } from "./ratings/router";
import { reportsRouter } from "./reports/router";
import { slaRouter } from "./sla/router";
import { stopListRouter } from "./stoplist/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { widgetRouter } from "./widget/router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  desk: desksRouter,
  departments: departmentsRouter,
  staff: staffRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  mail: mailRouter,
  tickets: ticketsRouter,
  canned: cannedRouter,
  customers: customersRouter,
  widget: widgetRouter,
  stopList: stopListRouter,
  ratings: ratingsRouter,
  reports: reportsRouter,
  portal: portalRouter,
  kb: kbRouter,
  helpCenter: helpCenterRouter,
  billing: billingRouter,
  platform: platformRouter,
  sla: slaRouter,
  priority: priorityRouter,
  internalMail: internalMailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
