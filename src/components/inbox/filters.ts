"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, type MouseEvent } from "react";
import { dayPattern, normalizeTag, priorities, sorts, statuses, uuidPattern, views, type InboxInput, type Sort, type View } from "./shared";
import { type Priority, type TicketStatus } from "@/server/tickets/values";

/** What a ticket list shows: a view, a queue, filters and a sort. Lives in the URL. */
export type ListFilters = {
  view: View;
  department: string | null;
  status: TicketStatus[];
  priority: Priority[];
  /** "me", "none" or a membership id. */
  assignee: string | null;
  tag: string | null;
  customer: string | null;
  from: string | null;
  to: string | null;
  sort: Sort;
};

export const defaultFilters: ListFilters = {
  view: "all",
  department: null,
  status: [],
  priority: [],
  assignee: null,
  tag: null,
  customer: null,
  from: null,
  to: null,
  sort: "newest",
};

/** The URL parameters of a list; anything else in the URL (e.g. "q") is left alone. */
export const filterParams = ["view", "department", "status", "priority", "assignee", "tag", "customer", "from", "to", "sort"] as const;

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  [...new Set((raw ?? "").split(",").map((s) => s.trim()))].filter((s): s is T => (allowed as readonly string[]).includes(s));

/** Reads the filters from URL parameters, quietly dropping what is not valid. */
export function parseFilters(params: URLSearchParams, options: { allowedViews?: readonly View[]; base?: Partial<ListFilters> } = {}): ListFilters {
  const base = { ...defaultFilters, ...options.base };
  const allowedViews = options.allowedViews ?? views;
  const view = params.get("view");
  const sort = params.get("sort");
  const assignee = params.get("assignee");
  const day = (key: string) => {
    const value = params.get(key);
    return value && dayPattern.test(value) ? value : null;
  };
  const id = (key: string) => {
    const value = params.get(key);
    return value && uuidPattern.test(value) ? value.toLowerCase() : null;
  };
  return {
    view: view && (allowedViews as readonly string[]).includes(view) ? (view as View) : base.view,
    department: id("department") ?? base.department,
    status: listOf(params.get("status"), statuses),
    priority: listOf(params.get("priority"), priorities),
    assignee: assignee === "me" || assignee === "none" || (assignee && uuidPattern.test(assignee)) ? assignee : null,
    tag: normalizeTag(params.get("tag") ?? ""),
    customer: id("customer") ?? base.customer,
    from: day("from"),
    to: day("to"),
    sort: sort && (sorts as readonly string[]).includes(sort) ? (sort as Sort) : base.sort,
  };
}

/** Writes the filters into URL parameters, leaving out defaults so links stay short. */
export function writeFilters(filters: ListFilters, into: URLSearchParams, base: ListFilters = defaultFilters): URLSearchParams {
  const params = new URLSearchParams(into);
  for (const key of filterParams) params.delete(key);
  if (filters.view !== base.view) params.set("view", filters.view);
  if (filters.department && filters.department !== base.department) params.set("department", filters.department);
  if (filters.status.length) params.set("status", filters.status.join(","));
  if (filters.priority.length) params.set("priority", filters.priority.join(","));
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.customer && filters.customer !== base.customer) params.set("customer", filters.customer);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.sort !== base.sort) params.set("sort", filters.sort);
  return params;
}

/** Whether anything narrows the list beyond its view and queue. */
export const hasFilters = (f: ListFilters) =>
  f.status.length > 0 || f.priority.length > 0 || f.assignee !== null || f.tag !== null || f.customer !== null || f.from !== null || f.to !== null;

export const clearFilters = (f: ListFilters): ListFilters => ({ ...defaultFilters, view: f.view, department: f.department, sort: f.sort });

/** A date range whose end is before its start: said plainly instead of showing nothing. */
export const rangeReversed = (f: ListFilters) => f.from !== null && f.to !== null && f.from > f.to;

/** The input of tickets.inbox for these filters. */
export function inboxInput(desk: string, f: ListFilters, limit = 50): Omit<InboxInput, "cursor"> {
  return {
    desk,
    view: f.view,
    departmentId: f.department,
    status: f.status.length ? f.status : undefined,
    priority: f.priority.length ? f.priority : undefined,
    assignee: f.assignee,
    tag: f.tag,
    customerId: f.customer,
    from: f.from,
    to: f.to,
    sort: f.sort,
    limit,
  };
}

/**
 * The list's filters in the URL, so a list is linkable and survives a reload. `base` holds what a
 * page fixes (a customer's tickets) or defaults differently; those never appear in the URL.
 */
export function useUrlFilters(options: { allowedViews?: readonly View[]; base?: Partial<ListFilters> } = {}) {
  const params = useSearchParams();
  const pathname = usePathname();
  const { allowedViews, base } = options;
  const baseKey = JSON.stringify(base ?? {});
  const fullBase = useMemo(() => ({ ...defaultFilters, ...(JSON.parse(baseKey) as Partial<ListFilters>) }), [baseKey]);
  const filters = useMemo(
    () => parseFilters(new URLSearchParams(params.toString()), { allowedViews, base: fullBase }),
    [params, allowedViews, fullBase],
  );
  const hrefFor = useCallback(
    (next: ListFilters) => {
      const query = writeFilters(next, new URLSearchParams(params.toString()), fullBase).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname, fullBase],
  );
  // The browser's history API: Next.js keeps useSearchParams in step without a server round trip,
  // and Back undoes the last change.
  const setFilters = useCallback((next: ListFilters) => window.history.pushState(null, "", hrefFor(next)), [hrefFor]);
  return { filters, setFilters, hrefFor };
}

/** A plain click on a list link changes the URL in place; other clicks (new tab, …) stay links. */
export function followInPlace(event: MouseEvent<HTMLAnchorElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  window.history.pushState(null, "", event.currentTarget.getAttribute("href"));
}
