CREATE INDEX "customers_tenant_email_idx" ON "customers" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "tickets_inbox_queue_idx" ON "tickets" USING btree ("tenant_id","department_id","priority","status","assignee_membership_id") WHERE deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold');--> statement-breakpoint
-- Full-text matching (`@@`) is not LEAKPROOF, so under row-level security Postgres may not use a
-- GIN index for it: the tenant policy must be checked row by row first, and a rare word walks the
-- whole desk. These functions run as the table owner (no RLS) but filter by the very same
-- app.tenant_id that withTenant sets and the policies check, so they see one desk only and the
-- planner may use the GIN index or the primary key, whichever is cheaper for the word.
CREATE OR REPLACE FUNCTION deskhand_search_messages(query tsquery, max_rows integer, department_ids uuid[])
RETURNS TABLE (ticket_id uuid, message_id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Dynamic SQL is planned for this very query: GIN for a rare word, the primary key for a common one.
  -- department_ids null: every department (owners, admins); else only the caller's.
  IF department_ids IS NULL THEN
    RETURN QUERY EXECUTE 'SELECT m.ticket_id, m.id FROM ticket_messages m
      WHERE m.tenant_id = $1 AND m.search @@ $2 ORDER BY m.id DESC LIMIT $3'
      USING nullif(current_setting('app.tenant_id', true), '')::uuid, query, max_rows;
  ELSE
    RETURN QUERY EXECUTE 'SELECT m.ticket_id, m.id FROM ticket_messages m
      JOIN tickets t ON t.tenant_id = m.tenant_id AND t.id = m.ticket_id
      WHERE m.tenant_id = $1 AND m.search @@ $2 AND t.department_id = ANY($4) ORDER BY m.id DESC LIMIT $3'
      USING nullif(current_setting('app.tenant_id', true), '')::uuid, query, max_rows, department_ids;
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION deskhand_search_subjects(query tsquery, max_rows integer, department_ids uuid[])
RETURNS TABLE (ticket_id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY EXECUTE 'SELECT t.id FROM tickets t
    WHERE t.tenant_id = $1 AND t.search @@ $2 AND ($4 IS NULL OR t.department_id = ANY($4))
    ORDER BY t.id DESC LIMIT $3'
    USING nullif(current_setting('app.tenant_id', true), '')::uuid, query, max_rows, department_ids;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION deskhand_search_messages(tsquery, integer, uuid[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION deskhand_search_subjects(tsquery, integer, uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION deskhand_search_messages(tsquery, integer, uuid[]) TO deskhand_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION deskhand_search_subjects(tsquery, integer, uuid[]) TO deskhand_app;
