CREATE TABLE "kb_article_days" (
	"tenant_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"widget_views" integer DEFAULT 0 NOT NULL,
	"widget_submissions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kb_article_days_tenant_id_article_id_day_pk" PRIMARY KEY("tenant_id","article_id","day")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category_id" uuid,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"language" text NOT NULL,
	"related_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_config" "regconfig" NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(search_config, title), 'A') || setweight(to_tsvector(search_config, summary), 'B') || setweight(to_tsvector(search_config, body), 'C')) STORED,
	"title_search" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, title)) STORED,
	"published_at" timestamp with time zone,
	"updated_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_articles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"icon" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"author_email" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"flag" text,
	"ip" text,
	"reply" text,
	"replied_by_membership_id" uuid,
	"moderated_by_membership_id" uuid,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_revisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"edited_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_revisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_votes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	"helpful" boolean NOT NULL,
	"score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_votes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "kb_editor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "article_id" uuid;--> statement-breakpoint
ALTER TABLE "kb_article_days" ADD CONSTRAINT "kb_article_days_tenant_id_article_id_kb_articles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."kb_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_tenant_id_category_id_kb_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."kb_categories"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_categories" ADD CONSTRAINT "kb_categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_categories" ADD CONSTRAINT "kb_categories_tenant_id_parent_id_kb_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."kb_categories"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_comments" ADD CONSTRAINT "kb_comments_tenant_id_article_id_kb_articles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."kb_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_revisions" ADD CONSTRAINT "kb_revisions_tenant_id_article_id_kb_articles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."kb_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_tenant_id_article_id_kb_articles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."kb_articles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_slug_key" ON "kb_articles" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("tenant_id","category_id");--> statement-breakpoint
CREATE INDEX "kb_articles_published_idx" ON "kb_articles" USING btree ("tenant_id","featured","published_at") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "kb_articles_title_search_idx" ON "kb_articles" USING gin ("title_search");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_categories_slug_key" ON "kb_categories" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "kb_comments_article_idx" ON "kb_comments" USING btree ("tenant_id","article_id","status");--> statement-breakpoint
CREATE INDEX "kb_comments_pending_idx" ON "kb_comments" USING btree ("tenant_id","id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "kb_revisions_version_key" ON "kb_revisions" USING btree ("tenant_id","article_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_votes_visitor_key" ON "kb_votes" USING btree ("tenant_id","article_id","visitor_key");--> statement-breakpoint
COMMENT ON TABLE kb_revisions IS 'append-only';
--> statement-breakpoint
SELECT deskhand_protect_tenant_tables();
--> statement-breakpoint
-- Knowledge-base search for the help center and the widget's suggestions. Like the ticket search
-- functions (0004, 0005) it runs as the table owner so the GIN indexes are usable under row-level
-- security, and filters by the same app.tenant_id. Title matches come first, ranked (their index
-- is small); the rest are the newest 200 body matches, ranked among themselves — so a common word
-- never ranks every article of the desk.
CREATE OR REPLACE FUNCTION deskhand_kb_search(query tsquery, max_rows integer)
RETURNS TABLE (article_id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH tenant AS (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS id),
  titled AS (
    SELECT a.id, 1 + ts_rank(a.title_search, query) AS score, a.published_at
    FROM kb_articles a, tenant
    WHERE a.tenant_id = tenant.id AND a.status = 'published' AND a.title_search @@ query
    ORDER BY score DESC, a.published_at DESC LIMIT max_rows),
  recent AS (
    SELECT a.id, a.search, a.published_at
    FROM kb_articles a, tenant
    WHERE a.tenant_id = tenant.id AND a.status = 'published' AND a.search @@ query AND a.id NOT IN (SELECT id FROM titled)
    ORDER BY a.published_at DESC LIMIT 200),
  bodied AS (SELECT r.id, ts_rank(r.search, query) AS score, r.published_at FROM recent r)
  SELECT id, score FROM (SELECT * FROM titled UNION ALL SELECT * FROM bodied) x
  ORDER BY score DESC, published_at DESC LIMIT max_rows
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION deskhand_kb_search(tsquery, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION deskhand_kb_search(tsquery, integer) TO deskhand_app;
