// The house's layers, kept by `npm run lint:deps` (part of `npm test`). DESIGN.md and the README's
// architecture section draw the same picture.
//
// A module of src/server belongs to one of:
// - the entry points: root.ts, context.ts, trpc.ts, http/ and every router (`*router.ts`) — the API
//   and route handlers call into the domains; nothing below imports them;
// - a domain folder, in this order from top to bottom: a folder imports only folders below it
//   (never one above, never one beside it in a circle);
// - the tables: every `schema.ts` (Drizzle tables, which any domain may join to read) and the
//   `values.ts` beside it (the fixed lists both the tables and the forms use), with db/,
//   errors.ts and log.ts at the very bottom.
// Type-only imports are erased at compile time and do not count.

/** Top to bottom. Channels → tickets → policies → people → outgoing mail → tenancy → kernel. */
const order = [
  // channels and platform work
  "platform", "reports", "desks", "portal", "widget", "mail", "public",
  // tickets and what hangs on them
  "internal-mail", "kb", "canned", "tickets", "files", "ratings",
  // policies
  "sla", "priority", "billing", "stoplist",
  // people
  "customers", "staff", "audit", "departments", "auth",
  // below every domain
  "outbox", "tenancy", "kernel", "net",
];

const domainModule = (folder) => `^src/server/${folder}/(?!(schema|values)\\.ts$)(?![^/]*router\\.ts$)`;
const entryModules = "^src/server/([^/]+\\.ts$|http/|[^/]+/[^/]*router\\.ts$)";
const tables = "^src/server/([^/]+/(schema|values)\\.ts$|db/|errors\\.ts$|log\\.ts$)";

const upward = order.slice(1).map((folder, index) => ({
  name: `layers-${folder}`,
  comment: `${folder} may not import a folder above it (${order.slice(0, index + 1).join(", ")})`,
  severity: "error",
  from: { path: domainModule(folder) },
  to: { path: `^src/server/(${order.slice(0, index + 1).join("|")})/(?!(schema|values)\\.ts$)(?![^/]*router\\.ts$)` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "known-folders",
      comment: "every folder of src/server has its place in the order above (add a new one there)",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/server/[^/]+/", pathNot: `^src/server/(${[...order, "db", "http"].join("|")})/` },
    },
    {
      name: "entry-points-on-top",
      comment: "services never import a router, the tRPC procedures or the request context",
      severity: "error",
      from: { path: "^src/server/", pathNot: entryModules },
      to: { path: entryModules, pathNot: tables },
    },
    {
      name: "tables-at-the-bottom",
      comment: "a table definition imports only other tables and the database helpers",
      severity: "error",
      from: { path: tables },
      to: { path: "^src/server/", pathNot: tables },
    },
    {
      name: "no-circular",
      comment: "no module imports itself through others (tables referring to each other for foreign keys excepted)",
      severity: "error",
      from: { path: "^src/", pathNot: tables },
      to: { circular: true },
    },
    {
      name: "server-without-ui",
      comment: "src/server knows nothing of the pages, components or the tRPC client",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/(app|components|trpc)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$|^src/test/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
