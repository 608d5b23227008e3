ALTER TABLE "tenants" ADD COLUMN "csat_target" numeric(4, 1) DEFAULT '97.5' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_csat_target_range" CHECK ("tenants"."csat_target" between 0 and 100);--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "solved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tickets_report_created_idx" ON "tickets" USING btree ("tenant_id","created_at","department_id","assignee_membership_id","channel") WHERE deleted_at is null and held_reason is null and merged_into_ticket_id is null;--> statement-breakpoint
CREATE INDEX "tickets_report_solved_idx" ON "tickets" USING btree ("tenant_id","solved_at","created_at","department_id","assignee_membership_id") WHERE deleted_at is null and held_reason is null and merged_into_ticket_id is null;--> statement-breakpoint
CREATE INDEX "ratings_tenant_created_idx" ON "ratings" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_messages_replies_idx" ON "ticket_messages" USING btree ("tenant_id","created_at","author_membership_id","ticket_id") WHERE kind = 'reply';--> statement-breakpoint
UPDATE "tickets" SET "first_response_at" = "first"."at"
FROM (
  SELECT "tenant_id", "ticket_id", min("created_at") AS "at"
  FROM "ticket_messages"
  WHERE "kind" = 'reply' AND "author_membership_id" IS NOT NULL
  GROUP BY "tenant_id", "ticket_id"
) AS "first"
WHERE "tickets"."tenant_id" = "first"."tenant_id" AND "tickets"."id" = "first"."ticket_id";--> statement-breakpoint
UPDATE "tickets" SET "solved_at" = coalesce(
  (SELECT max("e"."created_at") FROM "ticket_events" "e"
   WHERE "e"."tenant_id" = "tickets"."tenant_id" AND "e"."ticket_id" = "tickets"."id" AND "e"."type" = 'status'
     AND "e"."data"->>'to' IN ('solved', 'closed') AND coalesce("e"."data"->>'from', '') NOT IN ('solved', 'closed')),
  "tickets"."last_activity_at")
WHERE "status" IN ('solved', 'closed') AND "merged_into_ticket_id" IS NULL;
