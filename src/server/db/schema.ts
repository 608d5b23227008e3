// Every domain's tables in one object, for the Drizzle client's relational queries.
export * from "../audit/schema";
export * from "../auth/schema";
export * from "../billing/schema";
export * from "../departments/schema";
export * from "../desks/schema";
export * from "../staff/schema";
export * from "../mail/schema";
export * from "../canned/schema";
export * from "../customers/schema";
export * from "../files/schema";
export * from "../tickets/schema";
export * from "../widget/schema";
export * from "../portal/schema";
export * from "../ratings/schema";
export * from "../stoplist/schema";
export * from "../kb/schema";
