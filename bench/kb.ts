// Knowledge-base search suggestions at 5,000 articles (DESIGN.md budget: p95 ≤ 30 ms): the
// articles are added to the big bench desk once (SQL, from the bench's sentence and subject
// pools), then the widget's suggestion lookup — desk scope, row-level security, ranking and the
// snippets of the five best — is timed for what visitors type, prefixes included.
import type postgres from "postgres";
import type { Database } from "@/server/db/types";
import { searchArticles } from "@/server/kb/public";
import { timeRuns, type Timing } from "./timing";
import { sentencePool, subjectPool } from "./vocabulary";
import { withTenant } from "@/server/tenancy/scope";

export const KB_ARTICLES = 5_000;
const TYPED = ["pass", "password", "password res", "refund", "refund ord", "thermo", "how to cancel", "invoice", "shipping addr", "zzzz"];

async function ensureArticles(raw: postgres.Sql, tenantId: string, log: (line: string) => void) {
  const [{ n }] = (await raw`select count(*)::int as n from kb_articles where tenant_id = ${tenantId}`) as unknown as [{ n: number }];
  if (n >= KB_ARTICLES) return;
  const started = performance.now();
  const titles = subjectPool(77, KB_ARTICLES).map((s, i) => `${s} (${i + 1})`);
  const sentences = sentencePool(78, 400, 400);
  await raw`
    insert into kb_articles (tenant_id, id, title, slug, summary, body, status, featured, language, search_config, published_at, version)
    select ${tenantId}::uuid, gen_random_uuid(), t.title, 'bench-article-' || t.i, '',
      (select string_agg(s.sentence, ' ') from (select ${sentences}::text[] as pool) p,
        lateral (select p.pool[1 + ((t.i * 7919 + k * 104729) % array_length(p.pool, 1))] as sentence from generate_series(1, 40) k) s),
      case when t.i % 10 = 0 then 'draft' else 'published' end, t.i % 250 = 0, 'en', 'english', now() - (t.i || ' minutes')::interval, 1
    from unnest(${titles}::text[]) with ordinality as t(title, i)
    on conflict do nothing`;
  await raw`analyze kb_articles`;
  log(`  added ${KB_ARTICLES} knowledge-base articles (10% drafts) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function kbSuggestionTimes(db: Database, raw: postgres.Sql, tenantId: string, log: (line: string) => void) {
  await ensureArticles(raw, tenantId, log);
  const results: { typed: string; timing: Timing; rows: number }[] = [];
  for (const typed of TYPED) {
    const { timing, last } = await timeRuns(() => withTenant(db, tenantId, (tx) => searchArticles(tx, typed, { limit: 5 })));
    results.push({ typed, timing, rows: (last as unknown[]).length });
  }
  return results;
}
