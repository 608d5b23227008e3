CREATE TABLE "widgets" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"identity_secret" text NOT NULL,
	"color" text DEFAULT '#4f46e5' NOT NULL,
	"position" text DEFAULT 'right' NOT NULL,
	"greeting" text DEFAULT '' NOT NULL,
	"department_ids" uuid[] DEFAULT '{}' NOT NULL,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"ticket_id" uuid,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"agent_membership_id" uuid,
	"department_id" uuid NOT NULL,
	"quality" smallint NOT NULL,
	"speed" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ratings_quality_range" CHECK ("ratings"."quality" between 1 and 5),
	CONSTRAINT "ratings_speed_range" CHECK ("ratings"."speed" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "stop_list_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stop_list_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "widgets" ADD CONSTRAINT "widgets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_links" ADD CONSTRAINT "customer_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_links" ADD CONSTRAINT "customer_links_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_tenant_id_message_id_ticket_messages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","message_id") REFERENCES "public"."ticket_messages"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_list_entries" ADD CONSTRAINT "stop_list_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "widgets_public_key_key" ON "widgets" USING btree ("public_key");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_links_token_hash_key" ON "customer_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "customer_links_customer_idx" ON "customer_links" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_message_key" ON "ratings" USING btree ("tenant_id","message_id");--> statement-breakpoint
CREATE INDEX "ratings_agent_idx" ON "ratings" USING btree ("tenant_id","agent_membership_id");--> statement-breakpoint
CREATE INDEX "ratings_department_idx" ON "ratings" USING btree ("tenant_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stop_list_entries_value_key" ON "stop_list_entries" USING btree ("tenant_id","kind","value");--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
