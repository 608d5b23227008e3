// The bench's data: one big desk as in the source material (330,000 tickets, 1,000,000 messages,
// 47 queues, 16 agents) and four ordinary desks around it, so every query has to find its own
// desk's rows among others'.
//
// Desks, departments, staff and grants are made through the real procedures (sign-up, setup
// wizard, departments.create, staff.invite + invitation.acceptAsNewPerson). The bulk — customers,
// tickets, messages — is set-based SQL (INSERT … SELECT … FROM generate_series) on one connection
// of the owning role, outside withTenant: going through the services would take hours, and
// withTenant's SET ROLE would also forbid what a bulk load needs (dropping the secondary indexes
// and foreign keys and building them once afterwards, VACUUM). Each desk is still loaded in its own
// transaction with app.tenant_id set, so the inserts pass the forced row-level security policy
// when the owner is not a superuser.
import postgres from "postgres";
import type { Database } from "@/server/db/types";
import { addAgent, callerAs, createDesk, type BenchDesk } from "./desks";
import { BIG_DESK_DEPARTMENTS, TAGS, names, prng, sentencePool, subjectPool } from "./vocabulary";

// BENCH_SCALE=0.05 makes a small data set for trying the bench itself out; the results are at 1.
const scale = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (n: number) => Math.max(100, Math.round(n * scale));
export const BIG = { slug: "bench-big", tickets: scaled(330_000), messages: scaled(1_000_000), customers: scaled(120_000), days: 730 };
export const SMALL = { tickets: scaled(20_000), messages: scaled(60_000), customers: scaled(8_000), days: 730 };
export const SMALL_SLUGS = ["bench-north", "bench-south", "bench-east", "bench-west"];

/** The agent the measurements run as: grants on three of the ten departments (15 of 47 queues). */
export const MEASURED_AGENT = { email: "agent01@bench-big.example.com", departments: ["Support", "Billing", "Shipping"] };

export type BenchState = {
  big: BenchDesk;
  others: BenchDesk[];
  measuredAgent: { userId: string; membershipId: string };
  /** Made through the services: created, then 49 replies and notes. */
  ticket50: { id: string; number: number };
  generatedAt: string;
  generationSeconds: number;
  /** In order: [phase, seconds] (an array: jsonb would reorder an object's keys). */
  phases: [string, number][];
};

const CUSTOMER_SENTENCES = 16_000;
const AGENT_SENTENCES = 4_000;
const SUBJECTS = 6_000;

type Sql = postgres.Sql;

/** Seconds since `start`, rounded to 0.1. */
const since = (start: number) => Math.round((performance.now() - start) / 100) / 10;

export async function generate(db: Database, url: string, log: (line: string) => void): Promise<BenchState> {
  const started = performance.now();
  const phases: [string, number][] = [];

  // 1. Desks through the real procedures ------------------------------------------------------
  let t = performance.now();
  const big = await createDesk(db, BIG.slug, BIG_DESK_DEPARTMENTS);
  const others: BenchDesk[] = [];
  const gen = postgres(url, { max: 1, onnotice: () => {}, idle_timeout: 0 });
  try {
    // No shipped plan has 16 seats (the source desk's staff); billing is not what is measured.
    await gen`insert into plans (id, name, daily_price, agent_seats, tickets_per_day, options_included, option_daily_price, position)
              values ('bench', 'Bench', 0, 100, 1000000, true, 0, 99) on conflict (id) do nothing`;
    await gen.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${big.tenantId}, true)`;
      await tx`update tenants set plan_id = 'bench' where id = ${big.tenantId}`;
    });
    const topLevel = Object.keys(BIG_DESK_DEPARTMENTS);
    const random = prng(7);
    for (let i = 1; i <= 16; i++) {
      const email = `agent${String(i).padStart(2, "0")}@${BIG.slug}.example.com`;
      const chosen =
        email === MEASURED_AGENT.email
          ? MEASURED_AGENT.departments
          : [...topLevel].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
      await addAgent(db, big, email, Object.fromEntries(chosen.map((name) => [big.departmentIds[name]!, "reply" as const])));
    }
    for (const slug of SMALL_SLUGS) others.push(await createDesk(db, slug, { Support: [], Sales: [], Billing: [] }));
    phases.push(["desks, departments and 16 agents through the procedures", since(t)]);
    log(`  desks through the procedures: ${since(t)} s`);

    // 2. The bulk, set-based ------------------------------------------------------------------
    t = performance.now();
    await prepareSession(gen);
    const dropped = await dropSecondaryStructures(gen);
    phases.push(["session setup, drop secondary indexes and foreign keys", since(t)]);

    t = performance.now();
    await loadDesk(gen, big, BIG, 101, log);
    phases.push([`big desk: ${BIG.customers} customers, ${BIG.tickets} tickets, ${BIG.messages} messages`, since(t)]);
    log(`  big desk loaded: ${since(t)} s`);
    t = performance.now();
    let seed = 202;
    for (const desk of others) await loadDesk(gen, desk, SMALL, seed++, log);
    phases.push([`4 other desks: ${SMALL.tickets} tickets and ${SMALL.messages} messages each`, since(t)]);
    log(`  other desks loaded: ${since(t)} s`);

    t = performance.now();
    for (const statement of dropped) {
      const step = performance.now();
      await gen.unsafe(statement.create);
      log(`    ${statement.name}: ${since(step)} s`);
    }
    phases.push(["build secondary indexes and validate foreign keys once", since(t)]);
    log(`  indexes and foreign keys: ${since(t)} s`);

    t = performance.now();
    // VACUUM sets the visibility map (index-only scans), as autovacuum would have on a live desk.
    for (const table of ["customers", "tickets", "ticket_messages", "ratings"]) await gen.unsafe(`vacuum (analyze) ${table}`);
    await gen`analyze`;
    phases.push(["VACUUM ANALYZE", since(t)]);
    log(`  vacuum analyze: ${since(t)} s`);
  } finally {
    await gen.end({ timeout: 5 });
  }

  // 3. The ticket opened in the bench, through the services ------------------------------------
  t = performance.now();
  const agent = big.agents.find((a) => a.email === MEASURED_AGENT.email)!;
  const owner = await callerAs(db, big.ownerUserId);
  const agentCaller = await callerAs(db, agent.userId);
  const created = await owner.tickets.create({
    desk: big.slug,
    subject: "Refund for a damaged coffee machine, order K482913",
    body: "Hello, the coffee machine arrived damaged. Could you please refund the payment to my credit card? Order K482913.",
    customerEmail: "long.thread@example.org",
    customerName: "Long Thread",
    departmentId: big.departmentIds["Refunds"]!,
    priority: "high",
    assigneeMembershipId: agent.membershipId,
    tags: ["refund"],
  });
  let version = created.version;
  for (let i = 1; i < 50; i++) {
    const caller = i % 2 ? agentCaller : owner;
    const reply = await caller.tickets.reply({
      desk: big.slug,
      ticketId: created.id,
      body: i % 5 === 0 ? `Internal note ${i}: waiting for the warehouse to confirm the stock.` : `Reply ${i}: thank you, we have checked your order and will update you within 24 hours.`,
      kind: i % 5 === 0 ? "note" : "reply",
      expectedVersion: version,
    });
    version = reply.version;
  }
  phases.push(["a ticket with 50 messages through tickets.create and tickets.reply", since(t)]);

  return {
    big,
    others,
    measuredAgent: { userId: agent.userId, membershipId: agent.membershipId },
    ticket50: { id: created.id, number: created.number },
    generatedAt: new Date().toISOString(),
    generationSeconds: since(started),
    phases,
  };
}

async function prepareSession(gen: Sql) {
  await gen`set synchronous_commit = off`;
  await gen`set work_mem = '256MB'`;
  await gen`set maintenance_work_mem = '1GB'`;
  await gen`set max_parallel_maintenance_workers = 1`;
  // A UUID v7 from a timestamp: 48-bit Unix milliseconds, version nibble 7, the rest random (the
  // variant bits come with gen_random_uuid's v4). Ids stay time-ordered, like the app's.
  await gen.unsafe(`
    create function pg_temp.bench_uuid7(at timestamptz) returns uuid language sql volatile as $$
      select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from at) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
    $$`);
  const sentences = sentencePool(11, CUSTOMER_SENTENCES, AGENT_SENTENCES);
  await gen`create temp table g_pool as select k::int, body from unnest(${sentences}::text[]) with ordinality as u(body, k)`;
  await gen`alter table g_pool add primary key (k)`;
  const subjects = subjectPool(13, SUBJECTS);
  await gen`create temp table g_subject as select k::int, subject from unnest(${subjects}::text[]) with ordinality as u(subject, k)`;
  await gen`alter table g_subject add primary key (k)`;
  await gen`analyze g_pool`;
  await gen`analyze g_subject`;
}

type Rebuild = { name: string; create: string };

/**
 * Drops the secondary indexes and the foreign keys of the two big tables, and returns the
 * statements that make them again: one build of each index after the load is several times
 * faster than a million incremental GIN and B-tree inserts.
 */
async function dropSecondaryStructures(gen: Sql): Promise<Rebuild[]> {
  const fks = await gen<{ name: string; tbl: string; def: string }[]>`
    select conname as name, conrelid::regclass::text as tbl, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'f' and conrelid in ('tickets'::regclass, 'ticket_messages'::regclass)`;
  const indexes = await gen<{ name: string; def: string }[]>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid in ('tickets'::regclass, 'ticket_messages'::regclass)
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
  for (const fk of fks) await gen.unsafe(`alter table ${fk.tbl} drop constraint "${fk.name}"`);
  for (const index of indexes) await gen.unsafe(`drop index "${index.name}"`);
  // GIN indexes last, B-trees first (the FK validation below uses the primary keys only).
  const ordered = [...indexes].sort((a, b) => Number(a.def.includes("USING gin")) - Number(b.def.includes("USING gin")));
  return [
    ...ordered.map((index) => ({ name: `index ${index.name}`, create: index.def })),
    ...fks.map((fk) => ({ name: `foreign key ${fk.name}`, create: `alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def}` })),
  ];
}

type Size = { tickets: number; messages: number; customers: number; days: number };

/** One desk's customers, tickets and messages, in one transaction scoped to that desk. */
async function loadDesk(gen: Sql, desk: BenchDesk, size: Size, seed: number, log: (line: string) => void) {
  const random = prng(seed);
  // Queues are not equally busy: a fixed shuffle, then a skewed pick in SQL.
  const departmentIds = Object.values(desk.departmentIds).sort(() => random() - 0.5);
  const staff = desk.agents.length ? desk.agents.map((a) => a.membershipId) : [desk.ownerMembershipId];
  const { first, last, domains } = names;
  await gen.begin(async (tx) => {
    let t = performance.now();
    await tx`select setseed(${(seed % 1000) / 1000}::float8)`;
    await tx`select set_config('app.tenant_id', ${desk.tenantId}, true)`;

    // Customers: created over the two years; ~the desk's count of distinct emails.
    await tx`
      create temp table g_customer on commit drop as
      select k, pg_temp.bench_uuid7(at) as id, at,
        lower(f || '.' || l || k || '@' || d) as email, f || ' ' || l as name
      from (
        select k, now() - make_interval(secs => ${size.days}::int * 86400 * random()) as at,
          (${first}::text[])[1 + floor(random() * ${first.length}::int)::int] as f,
          (${last}::text[])[1 + floor(random() * ${last.length}::int)::int] as l,
          (${domains}::text[])[1 + floor(random() * ${domains.length}::int)::int] as d
        from generate_series(1, ${size.customers}::int) k
      ) s`;
    await tx`insert into customers (tenant_id, id, email, name, created_at)
             select ${desk.tenantId}::uuid, id, email, name, at from g_customer order by at`;
    await tx`alter table g_customer add primary key (k)`;

    // Tickets: numbers 1001…, times spread over the two years in number order (so ids, numbers and
    // physical order agree, as they do when tickets arrive one by one). Work still to do is mostly
    // recent: ~8% active in all, ~92% solved or closed, closed ones archived after 30 days.
    await tx`
      create temp table g_ticket on commit drop as
      select i, 1000 + i as number, pg_temp.bench_uuid7(created_at) as id, created_at, status,
        case when r3 < 0.10 then 0 when r3 < 0.80 then 1 when r3 < 0.95 then 2 else 3 end as priority,
        (${departmentIds}::uuid[])[1 + floor(${departmentIds.length}::int * power(r4, 1.6))::int] as department_id,
        case when status = 'new' and r5 < 0.8 then null
             when status in ('open', 'pending', 'on_hold') and r5 < 0.1 then null
             else (${staff}::uuid[])[1 + floor(random() * ${staff.length}::int)::int] end as assignee,
        case when r6 < 0.5 then 'mail' when r6 < 0.85 then 'widget' when r6 < 0.95 then 'panel' else 'api' end as channel,
        case when r7 < 0.7 then '{}'::text[] else array[(${TAGS}::text[])[1 + floor((r7 - 0.7) / 0.3 * ${TAGS.length}::int)::int]] end as tags,
        1 + floor(${size.customers}::int * power(r8, 1.3))::int as customer_k,
        1 + floor(${SUBJECTS}::int * r9)::int as subject_k,
        case when r11 < 0.001 then 'spam' end as held_reason,
        case when r11 >= 0.001 and r11 < 0.004 then last_activity_at end as deleted_at,
        case when status = 'closed' and last_activity_at < now() - interval '30 days' then last_activity_at + interval '30 days' end as archived_at,
        last_activity_at
      from (
        select *,
          case when active then (case when r2 < 0.2 then 'new' when r2 < 0.55 then 'open' when r2 < 0.85 then 'pending' else 'on_hold' end)
               when age < 7 then 'solved' else 'closed' end as status,
          least(now(), case when active then created_at + (now() - created_at) * r10 else created_at + interval '10 days' * r10 * r10 end) as last_activity_at
        from (
          select *, r1 < (case when age < 14 then 0.7 when age < 60 then 0.15 else 0.06 end) as active
          from (
            select i, created_at, extract(epoch from now() - created_at) / 86400 as age,
              random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
              random() as r7, random() as r8, random() as r9, random() as r10, random() as r11
            from (
              select i, now() - make_interval(secs => ${size.days}::int * 86400 * (1 - (i - random()) / ${size.tickets}::int)) as created_at
              from generate_series(1, ${size.tickets}::int) i
            ) a
          ) b
        ) c
      ) d`;
    await tx`alter table g_ticket add primary key (i)`;
    await tx`analyze g_ticket`;

    // Messages: the first of each ticket is the customer's; the rest fall on random tickets
    // (about two more each), between the ticket's creation and its last activity.
    await tx`
      create temp table g_message on commit drop as
      select j, case when j <= ${size.tickets}::int then j else 1 + floor(random() * ${size.tickets}::int)::int end as ti,
        random() as rk, random() as rt, random() as s1, random() as s2, random() as s3, random() as s4, random() as ra
      from generate_series(1, ${size.messages}::int) j`;
    await tx`
      create temp table g_message2 on commit drop as
      select m.j, t.id as ticket_id, kind,
        case when m.j <= ${size.tickets}::int then t.created_at else t.created_at + (t.last_activity_at - t.created_at) * m.rt end as at,
        case when kind = 'customer' then null else coalesce(t.assignee, (${staff}::uuid[])[1 + floor(m.ra * ${staff.length}::int)::int]) end as author,
        case when kind = 'customer' then c.id end as customer_id,
        case when kind = 'customer' then t.channel else 'panel' end as channel,
        base + 1 + floor(m.s1 * width)::int as k1,
        base + 1 + floor(m.s2 * width)::int as k2,
        case when m.s4 < 0.5 then base + 1 + floor(m.s3 * width)::int end as k3,
        case when m.s4 < 0.15 then base + 1 + floor(((m.s3 * 7919) - floor(m.s3 * 7919)) * width)::int end as k4
      from (
        select m.*, case when m.j <= ${size.tickets}::int then 'customer' when m.rk < 0.45 then 'reply' when m.rk < 0.55 then 'note' else 'customer' end as kind
        from g_message m
      ) m
      join g_ticket t on t.i = m.ti
      join g_customer c on c.k = t.customer_k
      cross join lateral (select case when kind = 'customer' then 0 else ${CUSTOMER_SENTENCES}::int end as base,
                                 case when kind = 'customer' then ${CUSTOMER_SENTENCES}::int else ${AGENT_SENTENCES}::int end as width) w`;
    await tx`analyze g_message2`;
    log(`    ${desk.slug}: customers and temp tables ${since(t)} s`);

    t = performance.now();
    await tx`
      insert into tickets (tenant_id, id, number, subject, customer_id, department_id, assignee_membership_id, status, priority,
        channel, tags, held_reason, deleted_at, archived_at, version, last_customer_message_at, last_activity_at, search_config, created_at,
        first_response_at, solved_at, sla_due_at)
      select ${desk.tenantId}::uuid, t.id, t.number, s.subject, c.id, t.department_id, t.assignee, t.status, t.priority,
        t.channel, t.tags, t.held_reason, t.deleted_at, t.archived_at, coalesce(a.n, 1), a.last_customer, t.last_activity_at, 'english', t.created_at,
        -- Report timings as the services keep them: the first staff reply, and solved/closed at the last activity.
        a.first_reply, case when t.status in ('solved', 'closed') then t.last_activity_at end,
        -- Work still to do has a running SLA deadline within two days of its last activity (for "due soonest").
        case when t.status not in ('solved', 'closed') then t.last_activity_at + make_interval(mins => ((t.number::bigint * 7919) % 2880)::int) end
      from g_ticket t
      join g_subject s on s.k = t.subject_k
      join g_customer c on c.k = t.customer_k
      left join (select ticket_id, count(*)::int as n, max(at) filter (where kind = 'customer') as last_customer,
                        min(at) filter (where kind = 'reply') as first_reply from g_message2 group by ticket_id) a
        on a.ticket_id = t.id
      order by t.i`;
    log(`    ${desk.slug}: ${size.tickets}::int tickets ${since(t)} s`);

    t = performance.now();
    await tx`
      insert into ticket_messages (tenant_id, id, ticket_id, kind, author_membership_id, customer_id, body, channel, search_config, created_at)
      select ${desk.tenantId}::uuid, pg_temp.bench_uuid7(m.at), m.ticket_id, m.kind, m.author, m.customer_id,
        p1.body || ' ' || p2.body || coalesce(' ' || p3.body, '') || coalesce(' ' || p4.body, ''),
        m.channel, 'english', m.at
      from g_message2 m
      join g_pool p1 on p1.k = m.k1
      join g_pool p2 on p2.k = m.k2
      left join g_pool p3 on p3.k = m.k3
      left join g_pool p4 on p4.k = m.k4
      order by m.at`;
    await tx`update tenants set ticket_counter = ${1000 + size.tickets}::int where id = ${desk.tenantId}`;
    log(`    ${desk.slug}: ${size.messages}::int messages ${since(t)} s`);

    // Customers rate about one reply in eight, within two days, mostly well (CSAT around 90%).
    t = performance.now();
    await tx`
      insert into ratings (tenant_id, id, message_id, ticket_id, agent_membership_id, department_id, quality, speed, comment, created_at, updated_at)
      select ${desk.tenantId}::uuid, pg_temp.bench_uuid7(at), id, ticket_id, author_membership_id, department_id,
        case when q < 0.72 then 5 when q < 0.90 then 4 when q < 0.95 then 3 when q < 0.98 then 2 else 1 end,
        4 + floor(random() * 2)::int, '', at, at
      from (
        select m.id, m.ticket_id, m.author_membership_id, t.department_id, random() as q,
          least(now(), m.created_at + make_interval(secs => 172800 * random())) as at
        from ticket_messages m join tickets t on t.tenant_id = m.tenant_id and t.id = m.ticket_id
        where m.tenant_id = ${desk.tenantId}::uuid and m.kind = 'reply' and random() < 0.125
      ) r
      order by at`;
    log(`    ${desk.slug}: ratings ${since(t)} s`);
  });
}
