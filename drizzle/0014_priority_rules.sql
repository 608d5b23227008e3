CREATE TABLE "priority_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"department_id" uuid,
	"hours" integer,
	"weight" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "priority_rules_weight_range" CHECK ("priority_rules"."weight" between -1000 and 1000)
);
--> statement-breakpoint
CREATE TABLE "priority_thresholds" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"low_at_most" integer NOT NULL,
	"high_at_least" integer NOT NULL,
	"urgent_at_least" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_thresholds_ordered" CHECK ("priority_thresholds"."low_at_most" < "priority_thresholds"."high_at_least" and "priority_thresholds"."high_at_least" < "priority_thresholds"."urgent_at_least")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "priority_manual" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "priority_score" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "priority_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "priority_rules" ADD CONSTRAINT "priority_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rules" ADD CONSTRAINT "priority_rules_tenant_id_department_id_departments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","department_id") REFERENCES "public"."departments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_thresholds" ADD CONSTRAINT "priority_thresholds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_priority_auto_idx" ON "tickets" USING btree ("tenant_id","id") WHERE priority_manual = false and deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold');--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
