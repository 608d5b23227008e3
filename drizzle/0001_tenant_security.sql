-- Tenant isolation. Tenant queries run as deskhand_app (SET LOCAL ROLE inside withTenant), which
-- neither owns the tables nor bypasses RLS; every table with a tenant_id gets a forced policy.
DO $$ BEGIN
  CREATE ROLE deskhand_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO deskhand_app;
--> statement-breakpoint
-- A non-superuser owner must be a member of deskhand_app to SET ROLE to it.
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT deskhand_app TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- Idempotent: later migrations that add tenant tables call it again. Tables commented
-- 'append-only' get no UPDATE or DELETE grant.
CREATE OR REPLACE FUNCTION deskhand_protect_tenant_tables() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.oid, c.relname, coalesce(obj_description(c.oid, 'pg_class'), '') AS note
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
      t.relname);
    IF t.note = 'append-only' THEN
      EXECUTE format('REVOKE ALL ON %I FROM deskhand_app', t.relname);
      EXECUTE format('GRANT SELECT, INSERT ON %I TO deskhand_app', t.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO deskhand_app', t.relname);
    END IF;
  END LOOP;
END
$fn$;
--> statement-breakpoint
COMMENT ON TABLE audit_events IS 'append-only';
--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
--> statement-breakpoint
-- The desk row itself: visible only inside its own scope.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenants TO deskhand_app;
--> statement-breakpoint
-- People: a desk sees its own members; a person may update only their own row.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_visible_to_desk ON users FOR SELECT USING (
  id = nullif(current_setting('app.user_id', true), '')::uuid
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
);
--> statement-breakpoint
CREATE POLICY users_update_self ON users FOR UPDATE
  USING (id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, UPDATE (name, locale) ON users TO deskhand_app;
--> statement-breakpoint
GRANT SELECT ON plans TO deskhand_app;
--> statement-breakpoint
INSERT INTO plans (id, name, daily_price, agent_seats, tickets_per_day, options_included, option_daily_price, position) VALUES
  ('standard', 'Standard', 50, 2, 10, false, 10, 1),
  ('pro', 'Pro', 100, 10, 200, true, 0, 2)
ON CONFLICT (id) DO NOTHING;
