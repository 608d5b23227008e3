CREATE TABLE "billing_accounts" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"suspended_at" timestamp with time zone,
	"suspended_manually" boolean DEFAULT false NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"billing_starts" date NOT NULL,
	"charged_through" date,
	"tickets_day" date,
	"tickets_today" integer DEFAULT 0 NOT NULL,
	"low_balance_mailed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_accounts_balance_not_negative" CHECK ("billing_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "checkout_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stripe_session_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkout_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"day" date,
	"description" text DEFAULT '' NOT NULL,
	"stripe_event_id" text,
	"stripe_payment_intent" text,
	"stripe_receipt_url" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD CONSTRAINT "checkout_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkout_sessions_stripe_key" ON "checkout_sessions" USING btree ("stripe_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_charge_day_key" ON "ledger_entries" USING btree ("tenant_id","day") WHERE kind = 'charge';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_trial_key" ON "ledger_entries" USING btree ("tenant_id") WHERE kind = 'trial';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_stripe_event_key" ON "ledger_entries" USING btree ("stripe_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payment_intent_key" ON "ledger_entries" USING btree ("stripe_payment_intent","kind");--> statement-breakpoint
CREATE INDEX "ledger_tenant_idx" ON "ledger_entries" USING btree ("tenant_id","id");
--> statement-breakpoint
COMMENT ON TABLE ledger_entries IS 'append-only';
--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
--> statement-breakpoint
GRANT SELECT ON platform_settings TO deskhand_app;
--> statement-breakpoint
INSERT INTO platform_settings (key, value) VALUES ('trial_credit', '2000'), ('topup_min', '500'), ('topup_max', '100000') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
-- Desks that existed before billing: an account with the trial credit, billed from tomorrow.
INSERT INTO billing_accounts (tenant_id, balance, billing_starts)
SELECT t.id, 2000, (now() AT TIME ZONE t.time_zone)::date + 1 FROM tenants t
ON CONFLICT (tenant_id) DO NOTHING;
--> statement-breakpoint
INSERT INTO ledger_entries (tenant_id, id, kind, amount, balance_after, description)
SELECT a.tenant_id, gen_random_uuid(), 'trial', 2000, 2000, 'Trial credit' FROM billing_accounts a
WHERE NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.tenant_id = a.tenant_id AND l.kind = 'trial');
