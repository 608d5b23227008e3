// Bench-only: the proposed replacement for the desk-scoped search functions of migration 0004
// (deskhand_search_subjects / deskhand_search_messages), timed beside them in prototypes.ts.
//
// One statement cannot be good for every word: walking the
// primary key newest-first costs about LIMIT / frequency rows, the GIN bitmap costs every match,
// and the planner's estimate of the frequency is far off for two correlated words ("app
// crashes"). So the function works in bounded steps, each planned with the real query (EXECUTE …
// USING is planned with its parameter values):
//   1. the newest WINDOW rows of the desk by primary key, each tested; stops at `want` matches;
//   2. if some but not enough matched: older time ranges (ids are UUID v7) sized from the
//      frequency step 1 saw, as GIN bitmap AND primary-key range, so only matches inside the range
//      are read from the table; ×4 while short, up to MAX_RANGE rows;
//   3. whatever is still missing is rare: the rest from the GIN index alone.
// Steps 2 and 3 run with plain index and sequential scans switched off, so a wrong estimate cannot
// turn them into a walk over the whole desk. The result is exactly what the shipped function
// returns (the newest `want` matches, no time window), with a bound on every step.
//
// Like the shipped functions it bypasses row-level security only when its owner does (superuser
// or BYPASSRLS): under FORCE ROW LEVEL SECURITY a plain owner is still filtered by the policy,
// and `@@`, not LEAKPROOF, is then again unusable in an index.
import { sql } from "drizzle-orm";
import { rowsOf } from "@/server/db/rows";
import type { TenantDb } from "@/server/db/types";
import { customers } from "@/server/customers/schema";
import { departments } from "@/server/departments/schema";
import { getDesk } from "@/server/desks/service";
import type { Actor } from "@/server/staff/actor";
import { searchConfigFor } from "@/server/tickets/create";
import { visibleDepartments } from "@/server/tickets/inbox";
import { tickets } from "@/server/tickets/schema";

export const WINDOW = 10_000;
export const MAX_RANGE = 200_000;

/** The function, as a migration would create it (here: in a transaction that is rolled back). */
export const STEPWISE_FUNCTION = `
create or replace function bench_search_newest(source text, query tsquery, want integer)
returns table (ticket_id uuid) language plpgsql stable security definer set search_path = public, pg_temp as $fn$
declare
  win constant integer := ${WINDOW};
  max_range constant float8 := ${MAX_RANGE};
  tenant constant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  tbl constant text := case source when 'subjects' then 'tickets' else 'ticket_messages' end;
  tid constant text := case source when 'subjects' then 'id' else 'ticket_id' end;
  got uuid[];
  more uuid[];
  edge uuid;
  upper_id uuid;
  lower_id uuid;
  window_ms float8;
  wanted_rows float8;
  covered float8 := 0;
  index_scan text := current_setting('enable_indexscan');
  seq_scan text := current_setting('enable_seqscan');
begin
  if tenant is null then return; end if;
  -- 1. The newest rows by primary key, each tested.
  execute format($q$select coalesce(array_agg(x.t order by x.mid desc), '{}') from (
      select r.mid, r.t from (select id as mid, %1$I as t, search from %2$I where tenant_id = $1 order by id desc limit $3) r
      where r.search @@ $2 order by r.mid desc limit $4) x$q$, tid, tbl)
    into got using tenant, query, win, want;
  if cardinality(got) >= want then return query select unnest(got); return; end if;
  execute format('select id from %I where tenant_id = $1 order by id desc offset $2 limit 1', tbl) into edge using tenant, win - 1;
  if edge is null then return query select unnest(got); return; end if;  -- step 1 saw every row
  upper_id := edge;
  perform set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true);
  -- 2. Older time ranges sized from the frequency step 1 saw.
  if cardinality(got) > 0 then
    window_ms := greatest(1, extract(epoch from clock_timestamp()) * 1000 - ('x' || substr(replace(edge::text, '-', ''), 1, 12))::bit(48)::bigint);
    wanted_rows := 2.0 * (want - cardinality(got)) * win / cardinality(got);
    while cardinality(got) < want and covered < max_range loop
      wanted_rows := least(wanted_rows, max_range - covered);
      lower_id := (select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7000-8000-000000000000')::uuid
                   from lpad(to_hex(greatest(0, ('x' || substr(replace(upper_id::text, '-', ''), 1, 12))::bit(48)::bigint
                                                   - (wanted_rows * window_ms / win)::bigint)), 12, '0') as h);
      execute format($q$select coalesce(array_agg(x.t order by x.mid desc), '{}') from (
          select id as mid, %1$I as t from %2$I where tenant_id = $1 and search @@ $2 and id < $3 and id >= $4
          order by id desc limit $5) x$q$, tid, tbl)
        into more using tenant, query, upper_id, lower_id, want - cardinality(got);
      got := got || more;
      upper_id := lower_id;
      covered := covered + wanted_rows;
      wanted_rows := wanted_rows * 4;
    end loop;
  end if;
  -- 3. The rare rest, from the GIN index alone.
  if cardinality(got) < want then
    execute format($q$select coalesce(array_agg(x.t order by x.mid desc), '{}') from (
        select id as mid, %1$I as t from %2$I where tenant_id = $1 and search @@ $2 and id < $3
        order by id desc limit $4) x$q$, tid, tbl)
      into more using tenant, query, upper_id, want - cardinality(got);
    got := got || more;
  end if;
  perform set_config('enable_indexscan', index_scan, true), set_config('enable_seqscan', seq_scan, true);
  return query select unnest(got);
end
$fn$;
grant execute on function bench_search_newest(text, tsquery, integer) to deskhand_app;`;

/** searchTickets' full-text branch with the stepwise function in place of the shipped ones. */
export async function stepwiseTextSearch(tx: TenantDb, actor: Actor, query: string) {
  const allowed = await visibleDepartments(tx, actor);
  if (allowed !== "all" && allowed.length === 0) return [];
  const config = searchConfigFor((await getDesk(tx)).locale);
  const tsquery = sql`websearch_to_tsquery(${config}::regconfig, ${query.trim()})`;
  const inSubjects = rowsOf<{ ticket_id: string }>(await tx.execute(sql`select ticket_id from bench_search_newest('subjects', ${tsquery}, 200)`));
  const inMessages = rowsOf<{ ticket_id: string }>(await tx.execute(sql`select ticket_id from bench_search_newest('messages', ${tsquery}, 200)`));
  const ids = [...new Set([...inSubjects, ...inMessages].map((r) => r.ticket_id))];
  if (ids.length === 0) return [];
  return tx
    .select({ id: tickets.id, number: tickets.number, departmentName: departments.name, customerEmail: customers.email })
    .from(tickets)
    .innerJoin(customers, sql`${customers.id} = ${tickets.customerId}`)
    .innerJoin(departments, sql`${departments.id} = ${tickets.departmentId}`)
    .where(
      sql`${tickets.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${tickets.heldReason} is null ${
        allowed === "all" ? sql`` : sql`and ${tickets.departmentId} in (${sql.join(allowed.map((id) => sql`${id}`), sql`, `)})`
      }`,
    )
    .orderBy(sql`${tickets.id} desc`)
    .limit(50);
}
