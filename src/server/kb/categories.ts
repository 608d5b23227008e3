import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { slugify } from "./inputs";
import { kbArticles, kbCategories } from "./schema";
import { recordEvent } from "../kernel/events";

export function assertKbEditor(actor: Actor) {
  if (!can(actor.access, "kb.manage")) throw new DeskError("FORBIDDEN", "permission.denied");
}

/** Categories in order (top ones, each followed by its sub-categories), with article counts. */
export async function listCategories(tx: TenantDb, options: { publishedOnly?: boolean } = {}) {
  const rows = await tx
    .select({
      id: kbCategories.id,
      parentId: kbCategories.parentId,
      name: kbCategories.name,
      slug: kbCategories.slug,
      description: kbCategories.description,
      icon: kbCategories.icon,
      position: kbCategories.position,
      articles: sql<number>`(select count(*)::int from kb_articles a where a.tenant_id = kb_categories.tenant_id and a.category_id = kb_categories.id${
        options.publishedOnly ? sql` and a.status = 'published'` : sql``
      })`,
    })
    .from(kbCategories)
    .orderBy(asc(kbCategories.position), asc(kbCategories.name));
  const top = rows.filter((c) => !c.parentId);
  return top.flatMap((c) => [c, ...rows.filter((s) => s.parentId === c.id)]);
}

async function uniqueCategorySlug(tx: TenantDb, wanted: string, exceptId?: string) {
  for (let i = 1; ; i++) {
    const slug = i === 1 ? wanted : `${wanted}-${i}`;
    const [taken] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.slug, slug));
    if (!taken || taken.id === exceptId) return slug;
  }
}

async function checkParent(tx: TenantDb, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw new DeskError("BAD_REQUEST", "kb.categoryNesting", { fields: { parentId: "kb.categoryNesting" } });
  const [parent] = await tx.select({ parentId: kbCategories.parentId }).from(kbCategories).where(eq(kbCategories.id, parentId));
  if (!parent) throw new DeskError("BAD_REQUEST", "kb.categoryNotFound", { fields: { parentId: "kb.categoryNotFound" } });
  // One level only: a sub-category cannot have sub-categories, nor be the parent of one.
  if (parent.parentId) throw new DeskError("BAD_REQUEST", "kb.categoryNesting", { fields: { parentId: "kb.categoryNesting" } });
  if (selfId) {
    const [child] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.parentId, selfId)).limit(1);
    if (child) throw new DeskError("BAD_REQUEST", "kb.categoryNesting", { fields: { parentId: "kb.categoryNesting" } });
  }
}

type CategoryFields = { name: string; slug?: string; description: string; icon: string; parentId: string | null };

export async function createCategory(tx: TenantDb, actor: Actor, input: CategoryFields) {
  assertKbEditor(actor);
  await checkParent(tx, input.parentId);
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${kbCategories.position}), -1)::int` })
    .from(kbCategories)
    .where(input.parentId ? eq(kbCategories.parentId, input.parentId) : isNull(kbCategories.parentId));
  const [row] = await tx
    .insert(kbCategories)
    .values({
      tenantId: actor.tenantId,
      parentId: input.parentId,
      name: input.name,
      slug: await uniqueCategorySlug(tx, input.slug ?? slugify(input.name)),
      description: input.description,
      icon: input.icon,
      position: (last?.position ?? -1) + 1,
    })
    .returning();
  await recordEvent(tx, actor, { action: "kb.categoryCreated", objectType: "kbCategory", objectId: row!.id, summary: { name: row!.name } });
  return row!;
}

export async function updateCategory(tx: TenantDb, actor: Actor, id: string, input: CategoryFields) {
  assertKbEditor(actor);
  await checkParent(tx, input.parentId, id);
  const [row] = await tx
    .update(kbCategories)
    .set({
      name: input.name,
      slug: input.slug ? await uniqueCategorySlug(tx, input.slug, id) : undefined,
      description: input.description,
      icon: input.icon,
      parentId: input.parentId,
    })
    .where(eq(kbCategories.id, id))
    .returning();
  if (!row) throw new DeskError("NOT_FOUND", "kb.categoryNotFound");
  await recordEvent(tx, actor, { action: "kb.categoryUpdated", objectType: "kbCategory", objectId: id, summary: { name: row.name } });
  return row;
}

/** Moves a category one place up or down among its siblings. */
export async function moveCategory(tx: TenantDb, actor: Actor, id: string, direction: "up" | "down") {
  assertKbEditor(actor);
  const [self] = await tx.select().from(kbCategories).where(eq(kbCategories.id, id));
  if (!self) throw new DeskError("NOT_FOUND", "kb.categoryNotFound");
  const siblings = await tx
    .select({ id: kbCategories.id })
    .from(kbCategories)
    .where(self.parentId ? eq(kbCategories.parentId, self.parentId) : isNull(kbCategories.parentId))
    .orderBy(asc(kbCategories.position), asc(kbCategories.name));
  const order = siblings.map((s) => s.id);
  const at = order.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to]!, order[at]!];
  for (const [position, siblingId] of order.entries()) await tx.update(kbCategories).set({ position }).where(eq(kbCategories.id, siblingId));
}

/** Deletes a category: its sub-categories go with it; their articles stay, without a category. */
export async function deleteCategory(tx: TenantDb, actor: Actor, id: string) {
  assertKbEditor(actor);
  const [row] = await tx.select().from(kbCategories).where(eq(kbCategories.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "kb.categoryNotFound");
  const children = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.parentId, id));
  for (const categoryId of [id, ...children.map((c) => c.id)]) await tx.update(kbArticles).set({ categoryId: null }).where(eq(kbArticles.categoryId, categoryId));
  await tx.delete(kbCategories).where(and(eq(kbCategories.id, id)));
  await recordEvent(tx, actor, { action: "kb.categoryDeleted", objectType: "kbCategory", objectId: id, summary: { name: row.name } });
}
