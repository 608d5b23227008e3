import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import { newId } from "../db/columns";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { customers, type Customer } from "./schema";
import { recordEvent } from "../kernel/events";

/**
 * The customer with this email, registered on first contact. A later name or phone fills in what
 * was missing but never overwrites what the customer gave before.
 */
export async function findOrCreateCustomer(
  tx: TenantDb,
  tenantId: string,
  person: { email: string; name?: string | null; phone?: string | null },
): Promise<Customer> {
  const email = person.email.trim().toLowerCase();
  const result = await tx.execute(sql`
    insert into customers (tenant_id, id, email, name, phone)
    values (${tenantId}, ${newId()}, ${email}, ${person.name?.trim() ?? ""}, ${person.phone?.trim() || null})
    on conflict (tenant_id, lower(email)) do update
      set name = case when customers.name = '' then excluded.name else customers.name end,
          phone = coalesce(customers.phone, excluded.phone)
    returning id`);
  const [row] = rowsOf<{ id: string }>(result);
  return getCustomer(tx, row!.id);
}

export async function getCustomer(tx: TenantDb, id: string): Promise<Customer> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "customer.notFound");
  return row;
}

/**
 * Customers by name or email, newest first, keyset-paginated on the id. An agent sees the customers
 * who wrote to a department they may see (`departments` is the list of those; "all" for admins).
 */
export async function listCustomers(
  tx: TenantDb,
  options: { query?: string | null; cursor: string | null; limit: number; departments: "all" | string[] },
) {
  const q = options.query?.trim();
  if (options.departments !== "all" && options.departments.length === 0) return { customers: [], nextCursor: null };
  const visible =
    options.departments === "all"
      ? undefined
      : sql`exists (select 1 from tickets t where t.customer_id = ${customers.id} and t.department_id in (${sql.join(
          options.departments.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`;
  const rows = await tx
    .select()
    .from(customers)
    .where(
      and(
        q ? or(ilike(customers.email, `%${escapeLike(q)}%`), ilike(customers.name, `%${escapeLike(q)}%`)) : undefined,
        options.cursor ? sql`${customers.id} < ${options.cursor}` : undefined,
        visible,
      ),
    )
    .orderBy(desc(customers.id))
    .limit(options.limit + 1);
  const more = rows.length > options.limit;
  const page = more ? rows.slice(0, options.limit) : rows;
  return { customers: page, nextCursor: more ? page[page.length - 1]!.id : null };
}

/** A customer the caller may see: admins any, agents those who wrote to their departments. */
export async function getVisibleCustomer(tx: TenantDb, id: string, departments: "all" | string[]): Promise<Customer> {
  const customer = await getCustomer(tx, id);
  if (departments === "all") return customer;
  const [seen] = await tx.execute(sql`select 1 from tickets where customer_id = ${id} and department_id in (${sql.join(departments.length ? departments.map((d) => sql`${d}::uuid`) : [sql`null::uuid`], sql`, `)}) limit 1`).then(rowsOf);
  if (!seen) throw new DeskError("NOT_FOUND", "customer.notFound");
  return customer;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Blocked customers are not turned away: their new messages are stored and held for review. */
export async function setCustomerBlocked(tx: TenantDb, actor: Actor, id: string, blocked: boolean): Promise<Customer> {
  const customer = await getCustomer(tx, id);
  const [updated] = await tx
    .update(customers)
    .set({ blockedAt: blocked ? (customer.blockedAt ?? new Date()) : null })
    .where(eq(customers.id, id))
    .returning();
  await recordEvent(tx, actor, {
    action: blocked ? "customer.blocked" : "customer.unblocked",
    objectType: "customer",
    objectId: id,
    summary: { email: customer.email },
  });
  return updated!;
}

/** VIP customers are what the "customer is VIP" priority rule looks for. */
export async function setCustomerVip(tx: TenantDb, actor: Actor, id: string, vip: boolean): Promise<Customer> {
  const customer = await getCustomer(tx, id);
  const [updated] = await tx.update(customers).set({ vip }).where(eq(customers.id, id)).returning();
  if (customer.vip !== vip) {
    await recordEvent(tx, actor, { action: vip ? "customer.markedVip" : "customer.unmarkedVip", objectType: "customer", objectId: id, summary: { email: customer.email } });
  }
  return updated!;
}
