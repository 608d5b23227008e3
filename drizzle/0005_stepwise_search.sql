-- Full-text search in bounded steps (measured in bench/, README "Performance").
--
-- One statement cannot be good for every word: walking the primary key newest-first costs about
-- LIMIT / frequency rows, the GIN bitmap costs every match, and the planner's frequency estimate
-- is far off for two correlated words ("app crashes"). deskhand_search_newest works in steps,
-- each planned with its real values (EXECUTE … USING):
--   1. the newest 10,000 rows of the desk by primary key, each tested; stops at `want` matches;
--   2. if some but not enough matched: older time ranges (ids are UUID v7) sized from the
--      frequency step 1 saw, as GIN bitmap AND primary-key range, so only matches inside the range
--      are read; ×4 while short, up to 200,000 rows;
--   3. whatever is still missing is rare: the rest from the GIN index alone.
-- Steps 2 and 3 run with plain index and sequential scans off, so a wrong estimate cannot turn
-- them into a walk over the whole desk. The result is exactly the newest `want` matches.
--
-- Like the functions it replaces (0004) it runs as the table owner and filters by the same
-- app.tenant_id that withTenant sets and the policies check. The GIN index is usable only when the
-- owner bypasses row-level security (a superuser or BYPASSRLS role: the role that runs the
-- migrations); see README "Scaling out". department_ids null means every department.
CREATE OR REPLACE FUNCTION deskhand_search_newest(source text, query tsquery, want integer, department_ids uuid[])
RETURNS TABLE (ticket_id uuid, row_id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  win constant integer := 10000;
  max_range constant float8 := 200000;
  tenant constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  tbl constant text := CASE source WHEN 'subjects' THEN 'tickets' ELSE 'ticket_messages' END;
  tid constant text := CASE source WHEN 'subjects' THEN 'id' ELSE 'ticket_id' END;
  in_departments text := '';   -- step 1's department test, on its column r.t
  in_departments_by text := '';  -- steps 2 and 3's, on the table's own ticket column
  got uuid[];
  got_rows uuid[];
  more uuid[];
  more_rows uuid[];
  edge uuid;
  upper_id uuid;
  lower_id uuid;
  window_ms float8;
  wanted_rows float8;
  covered float8 := 0;
  index_scan text := current_setting('enable_indexscan');
  seq_scan text := current_setting('enable_seqscan');
BEGIN
  IF tenant IS NULL OR want < 1 THEN RETURN; END IF;
  IF department_ids IS NOT NULL THEN
    in_departments := ' AND EXISTS (SELECT 1 FROM tickets d WHERE d.tenant_id = $1 AND d.id = r.t AND d.department_id = ANY($3))';
    in_departments_by := replace(in_departments, 'r.t', 'r.' || quote_ident(tid));
  END IF;
  -- 1. The newest rows by primary key, each tested.
  EXECUTE format($q$SELECT coalesce(array_agg(x.t ORDER BY x.mid DESC), '{}'), coalesce(array_agg(x.mid ORDER BY x.mid DESC), '{}') FROM (
      SELECT r.mid, r.t FROM (SELECT id AS mid, %1$I AS t, search FROM %2$I WHERE tenant_id = $1 ORDER BY id DESC LIMIT $4) r
      WHERE r.search @@ $2 %3$s ORDER BY r.mid DESC LIMIT $5) x$q$, tid, tbl, in_departments)
    INTO got, got_rows USING tenant, query, department_ids, win, want;
  IF cardinality(got) >= want THEN RETURN QUERY SELECT * FROM unnest(got, got_rows); RETURN; END IF;
  EXECUTE format('SELECT id FROM %I WHERE tenant_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1', tbl) INTO edge USING tenant, win - 1;
  IF edge IS NULL THEN RETURN QUERY SELECT * FROM unnest(got, got_rows); RETURN; END IF;  -- step 1 saw every row
  upper_id := edge;
  PERFORM set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true);
  -- 2. Older time ranges sized from the frequency step 1 saw.
  IF cardinality(got) > 0 THEN
    window_ms := greatest(1, extract(epoch FROM clock_timestamp()) * 1000 - ('x' || substr(replace(edge::text, '-', ''), 1, 12))::bit(48)::bigint);
    wanted_rows := 2.0 * (want - cardinality(got)) * win / cardinality(got);
    WHILE cardinality(got) < want AND covered < max_range LOOP
      wanted_rows := least(wanted_rows, max_range - covered);
      lower_id := (SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7000-8000-000000000000')::uuid
                   FROM lpad(to_hex(greatest(0, ('x' || substr(replace(upper_id::text, '-', ''), 1, 12))::bit(48)::bigint
                                                   - (wanted_rows * window_ms / win)::bigint)), 12, '0') AS h);
      EXECUTE format($q$SELECT coalesce(array_agg(x.t ORDER BY x.mid DESC), '{}'), coalesce(array_agg(x.mid ORDER BY x.mid DESC), '{}') FROM (
          SELECT r.id AS mid, r.%1$I AS t FROM %2$I r WHERE r.tenant_id = $1 AND r.search @@ $2 AND r.id < $4 AND r.id >= $5 %3$s
          ORDER BY r.id DESC LIMIT $6) x$q$, tid, tbl, in_departments_by)
        INTO more, more_rows USING tenant, query, department_ids, upper_id, lower_id, want - cardinality(got);
      got := got || more;
      got_rows := got_rows || more_rows;
      upper_id := lower_id;
      covered := covered + wanted_rows;
      wanted_rows := wanted_rows * 4;
    END LOOP;
  END IF;
  -- 3. The rare rest, from the GIN index alone.
  IF cardinality(got) < want THEN
    EXECUTE format($q$SELECT coalesce(array_agg(x.t ORDER BY x.mid DESC), '{}'), coalesce(array_agg(x.mid ORDER BY x.mid DESC), '{}') FROM (
        SELECT r.id AS mid, r.%1$I AS t FROM %2$I r WHERE r.tenant_id = $1 AND r.search @@ $2 AND r.id < $4 %3$s
        ORDER BY r.id DESC LIMIT $5) x$q$, tid, tbl, in_departments_by)
      INTO more, more_rows USING tenant, query, department_ids, upper_id, want - cardinality(got);
    got := got || more;
    got_rows := got_rows || more_rows;
  END IF;
  PERFORM set_config('enable_indexscan', index_scan, true), set_config('enable_seqscan', seq_scan, true);
  RETURN QUERY SELECT * FROM unnest(got, got_rows);
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION deskhand_search_newest(text, tsquery, integer, uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION deskhand_search_newest(text, tsquery, integer, uuid[]) TO deskhand_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION deskhand_search_messages(query tsquery, max_rows integer, department_ids uuid[])
RETURNS TABLE (ticket_id uuid, message_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT s.ticket_id, s.row_id FROM deskhand_search_newest('messages', query, max_rows, department_ids) s
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION deskhand_search_subjects(query tsquery, max_rows integer, department_ids uuid[])
RETURNS TABLE (ticket_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT s.ticket_id FROM deskhand_search_newest('subjects', query, max_rows, department_ids) s
$$;
