"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { DocumentIcon } from "./kb-icons";
import { articlePath } from "./kb-paths";
import { KbSnippet } from "./kb-snippet";

const minLength = 3;
const delay = 200;

/**
 * The help center's search input. Without script it is a plain field of the GET search form; with
 * script it suggests articles as the visitor types (from 3 characters, debounced) in a combobox:
 * arrows move through the suggestions, Enter opens the highlighted one or, with none highlighted,
 * submits the form for the full results page; Escape closes the list, then clears the field.
 */
export function KbSearchBox({ desk, id, defaultValue, placeholder, className }: { desk: string; id: string; defaultValue: string; placeholder: string; className?: string }) {
  const t = useTranslations("portal.suggest");
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const typed = value.trim();
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(typed), delay);
    return () => clearTimeout(timer);
  }, [typed]);

  const enabled = debounced.length >= minLength;
  const search = useQuery(
    trpc.helpCenter.search.queryOptions({ desk, query: debounced, limit: 6 }, { enabled, staleTime: 30_000, placeholderData: keepPreviousData }),
  );
  const suggestions = enabled ? (search.data ?? []) : [];
  // The last option is always "See all results", so the full search is one arrow away too.
  const count = suggestions.length;
  const showList = open && typed.length >= minLength && enabled && search.data !== undefined;
  const optionId = (index: number) => `${ids}-option-${index}`;

  useEffect(() => {
    if (showList && active >= 0) document.getElementById(`${ids}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, showList, ids]);

  function submitAll() {
    setOpen(false);
    input.current?.form?.requestSubmit();
  }

  function choose(index: number) {
    const chosen = suggestions[index];
    if (!chosen) return submitAll();
    setOpen(false);
    router.push(articlePath(desk, chosen.slug));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const total = count + 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!showList) {
        setOpen(true);
        return;
      }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current < 0 && step < 0 ? total - 1 : (current + step + total) % total));
    } else if (event.key === "Enter") {
      if (showList && active >= 0) {
        event.preventDefault();
        choose(active);
      }
      // Otherwise the form submits: the full results page.
    } else if (event.key === "Escape") {
      if (showList) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue("");
      }
    }
  }

  return (
    <div className={cn("relative", className)}>
      <input
        ref={input}
        id={id}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={`${ids}-list`}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        enterKeyHint="search"
        value={value}
        maxLength={200}
        placeholder={placeholder}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="h-12 w-full rounded-xl border border-slate-300 bg-white pr-3 pl-11 text-base text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500"
      />
      <div
        id={`${ids}-list`}
        role="listbox"
        aria-label={t("label")}
        hidden={!showList}
        // Keeps focus in the field while a suggestion is clicked.
        onMouseDown={(event) => event.preventDefault()}
        className="absolute inset-x-0 top-full z-30 mt-2 max-h-[min(26rem,60vh)] overflow-y-auto rounded-xl border border-slate-200 bg-white p-1.5 text-left shadow-lg shadow-slate-900/10"
      >
        {suggestions.map((article, index) => (
          <div
            key={article.id}
            id={optionId(index)}
            role="option"
            aria-selected={active === index}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(index)}
            className={cn("flex cursor-pointer items-start gap-3 rounded-lg px-3 py-2.5", active === index ? "bg-brand-50" : "hover:bg-slate-50")}
          >
            <DocumentIcon className="mt-0.5 shrink-0 text-slate-400" />
            <span className="min-w-0 flex-1">
              <span className={cn("block truncate text-sm font-medium", active === index ? "text-brand-700" : "text-slate-900")}>{article.title}</span>
              <KbSnippet snippet={article.snippet || article.summary} className="mt-0.5 line-clamp-1 text-xs text-slate-500" />
            </span>
          </div>
        ))}
        {count === 0 ? <p className="px-3 py-2.5 text-sm text-slate-500">{t("none")}</p> : null}
        <div
          id={optionId(count)}
          role="option"
          aria-selected={active === count}
          onMouseMove={() => setActive(count)}
          onClick={submitAll}
          className={cn(
            "mt-1 cursor-pointer rounded-lg border-t border-slate-100 px-3 py-2.5 text-sm font-medium",
            active === count ? "bg-brand-50 text-brand-700" : "text-brand-700 hover:bg-slate-50",
          )}
        >
          {t("all", { query: typed })}
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {showList ? t("count", { count }) : ""}
      </p>
    </div>
  );
}
