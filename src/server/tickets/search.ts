import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import type { Actor } from "../kernel/actor";
import { searchConfigFor } from "./create";
import { visibleDepartments } from "./inbox";
import { rowsOf } from "../db/rows";
import { tickets } from "./schema";
import { getDesk } from "../kernel/desk";
import { priorities } from "./values";

const LIMIT = 50;

/**
 * One box: "#1042" or "1042" finds that ticket, an email finds that customer's tickets, anything
 * else is full-text search over subjects and every message in the desk's language. Matches are
 * filtered with @@ on the GIN indexes and only the newest matches are fetched (no ranking of
 * every hit of a common word). Archived tickets are included; held ones and other departments'
 * tickets never are.
 */
export async function searchTickets(tx: TenantDb, actor: Actor, query: string) {
  const q = query.trim();
  const allowed = await visibleDepartments(tx, actor);
  if (!q || (allowed !== "all" && allowed.length === 0)) return [];
  const permitted = and(isNull(tickets.heldReason), allowed === "all" ? undefined : inArray(tickets.departmentId, allowed));

  let matching;
  const number = /^#?(\d{1,9})$/.exec(q);
  if (number) {
    matching = eq(tickets.number, Number(number[1]));
  } else if (/^[^\s@]+@[^\s@]+$/.test(q)) {
    // Stored lower-case: plain equality keeps the (tenant_id, email) index usable under RLS.
    matching = eq(customers.email, q.toLowerCase());
  } else {
    const config = searchConfigFor((await getDesk(tx)).locale);
    const tsquery = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
    // The desk-scoped search functions (migrations 0004, 0005: bounded steps) let the planner use the GIN indexes,
    // which row-level security would otherwise rule out for `@@`.
    // An agent's departments are filtered inside, so they get a full page of their own matches.
    const scope = allowed === "all" ? sql`null::uuid[]` : sql`array[${sql.join(allowed.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
    const inSubjects = rowsOf<{ ticket_id: string }>(await tx.execute(sql`select ticket_id from deskhand_search_subjects(${tsquery}, ${LIMIT * 4}, ${scope})`));
    const inMessages = rowsOf<{ ticket_id: string }>(await tx.execute(sql`select ticket_id from deskhand_search_messages(${tsquery}, ${LIMIT * 4}, ${scope})`));
    const ids = [...new Set([...inSubjects, ...inMessages].map((r) => r.ticket_id))];
    if (ids.length === 0) return [];
    matching = inArray(tickets.id, ids);
  }

  const rows = await tx
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      departmentName: departments.name,
      customerEmail: customers.email,
      customerName: customers.name,
      archivedAt: tickets.archivedAt,
      deletedAt: tickets.deletedAt,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .innerJoin(departments, eq(departments.id, tickets.departmentId))
    .where(and(matching, permitted))
    .orderBy(desc(tickets.id))
    .limit(LIMIT);
  return rows.map((row) => ({ ...row, priority: priorities[row.priority] ?? "normal" }));
}
