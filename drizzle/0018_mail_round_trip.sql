CREATE TABLE "ticket_followers" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_followers_tenant_id_ticket_id_email_pk" PRIMARY KEY("tenant_id","ticket_id","email")
);
--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "sender_name" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "sending_address" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "sending_address_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "sending_token_hash" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "sending_mode" text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_host" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_port" integer;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_security" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_username" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_password_secret" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "smtp_last_error" text;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD COLUMN "trusted_senders" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "auth_results" jsonb;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "spam_reason" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "from_name" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "cc" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "author_email" text;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD COLUMN "withheld" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_followers" ADD CONSTRAINT "ticket_followers_tenant_id_ticket_id_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
