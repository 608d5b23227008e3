CREATE TABLE "internal_threads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject" text NOT NULL,
	"ticket_id" uuid,
	"created_by_membership_id" uuid NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_threads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "internal_threads_subject_length" CHECK (char_length("internal_threads"."subject") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "internal_participants" (
	"tenant_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"last_message_id" uuid NOT NULL,
	"last_read_message_id" uuid,
	"last_read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_participants_tenant_id_thread_id_membership_id_pk" PRIMARY KEY("tenant_id","thread_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "internal_messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "internal_messages_body_length" CHECK (char_length("internal_messages"."body") between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "internal_threads" ADD CONSTRAINT "internal_threads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_threads" ADD CONSTRAINT "internal_threads_creator_fk" FOREIGN KEY ("tenant_id","created_by_membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_participants" ADD CONSTRAINT "internal_participants_thread_fk" FOREIGN KEY ("tenant_id","thread_id") REFERENCES "public"."internal_threads"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_participants" ADD CONSTRAINT "internal_participants_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_messages" ADD CONSTRAINT "internal_messages_thread_fk" FOREIGN KEY ("tenant_id","thread_id") REFERENCES "public"."internal_threads"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_messages" ADD CONSTRAINT "internal_messages_author_fk" FOREIGN KEY ("tenant_id","author_membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internal_participants_inbox_idx" ON "internal_participants" USING btree ("tenant_id","membership_id","last_message_id");--> statement-breakpoint
CREATE INDEX "internal_participants_unread_idx" ON "internal_participants" USING btree ("tenant_id","membership_id") WHERE last_read_message_id is distinct from last_message_id;--> statement-breakpoint
CREATE INDEX "internal_messages_thread_idx" ON "internal_messages" USING btree ("tenant_id","thread_id","id");--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
