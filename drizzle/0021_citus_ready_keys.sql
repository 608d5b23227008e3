CREATE TABLE "global_keys" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"desk_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "global_keys_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
DROP INDEX "tenants_slug_key";--> statement-breakpoint
DROP INDEX "checkout_sessions_stripe_key";--> statement-breakpoint
DROP INDEX "ledger_stripe_event_key";--> statement-breakpoint
DROP INDEX "ledger_payment_intent_key";--> statement-breakpoint
DROP INDEX "customer_links_token_hash_key";--> statement-breakpoint
DROP INDEX "invitations_token_hash_key";--> statement-breakpoint
DROP INDEX "mail_settings_inbound_key";--> statement-breakpoint
DROP INDEX "widgets_public_key_key";--> statement-breakpoint
CREATE INDEX "global_keys_desk_idx" ON "global_keys" USING btree ("desk_id");--> statement-breakpoint
CREATE INDEX "tenants_slug_idx" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "checkout_sessions_stripe_key" ON "checkout_sessions" USING btree ("tenant_id","stripe_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_stripe_event_key" ON "ledger_entries" USING btree ("tenant_id","stripe_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payment_intent_key" ON "ledger_entries" USING btree ("tenant_id","stripe_payment_intent","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_links_token_hash_key" ON "customer_links" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_settings_inbound_key" ON "mail_settings" USING btree ("tenant_id","inbound_key");--> statement-breakpoint
CREATE UNIQUE INDEX "widgets_public_key_key" ON "widgets" USING btree ("tenant_id","public_key");--> statement-breakpoint
-- The directory starts with every key that exists today.
INSERT INTO global_keys (kind, key, desk_id) SELECT 'desk_slug', slug, id FROM tenants ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'invitation', token_hash, tenant_id FROM invitations ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'widget_key', public_key, tenant_id FROM widgets ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'customer_link', token_hash, tenant_id FROM customer_links ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'inbound_key', inbound_key, tenant_id FROM mail_settings ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'sending_token', sending_token_hash, tenant_id FROM mail_settings WHERE sending_token_hash IS NOT NULL ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'stripe_checkout', stripe_session_id, tenant_id FROM checkout_sessions ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'stripe_event', stripe_event_id, tenant_id FROM ledger_entries WHERE stripe_event_id IS NOT NULL ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO global_keys (kind, key, desk_id) SELECT 'stripe_topup', stripe_payment_intent, tenant_id FROM ledger_entries WHERE kind = 'topup' AND stripe_payment_intent IS NOT NULL ON CONFLICT DO NOTHING;--> statement-breakpoint
-- A desk's scope may add and remove only its own keys; a key taken by another desk still
-- conflicts (unique checks see every row), which is what makes them unique across desks.
REVOKE ALL ON global_keys FROM deskhand_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON global_keys TO deskhand_app;--> statement-breakpoint
ALTER TABLE global_keys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY own_desk_keys ON global_keys USING (desk_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (desk_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
