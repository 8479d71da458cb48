"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select, type SelectOption } from "@/components/ui/controls";
import { hrefWith, type ParamUpdates } from "@/lib/core/search-params";

export type FilterDef =
  | { type: "select"; param: string; label: string; options: readonly SelectOption[]; allLabel?: string }
  /** `applied`: the day used when the URL has none (a default range), shown so the input tells the truth. */
  | { type: "date"; param: string; label: string; applied?: string };

export type FilterBarProps = {
  /** A text search bound to ?q= (or `param`). */
  search?: { label: string; placeholder?: string; param?: string };
  filters?: readonly FilterDef[];
  debounceMs?: number;
};

/**
 * Filters that live in the URL. Typing in the search box updates ?q= after a pause with
 * router.replace (one history entry, not one per keystroke); choosing a filter, pressing
 * Enter or clearing uses router.push, so Back undoes it. Every change returns to page 1.
 * Without JavaScript it is a plain GET form.
 */
export function FilterBar({ search, filters = [], debounceMs = 300 }: FilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const baseId = useId();

  const searchParam = search?.param ?? "q";
  const urlQuery = searchParams.get(searchParam) ?? "";
  const [text, setText] = useState(urlQuery);
  const lastSent = useRef(urlQuery);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Follow the URL when it changes from outside (Back, a link), not when it echoes our own typing.
  useEffect(() => {
    if (urlQuery !== lastSent.current) {
      lastSent.current = urlQuery;
      setText(urlQuery);
    }
  }, [urlQuery]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const managed = [...(search ? [searchParam] : []), ...filters.map((f) => f.param)];
  const navigate = (updates: ParamUpdates, mode: "push" | "replace") => {
    const href = hrefWith(searchParams, { ...updates, page: null }, pathname);
    startTransition(() => router[mode](href, { scroll: false }));
  };

  const onText = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      lastSent.current = value;
      navigate({ [searchParam]: value }, "replace");
    }, debounceMs);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!search) return;
    clearTimeout(timer.current);
    lastSent.current = text;
    navigate({ [searchParam]: text }, "push");
  };

  const active = managed.some((param) => searchParams.get(param));
  const clearAll = () => {
    clearTimeout(timer.current);
    lastSent.current = "";
    setText("");
    navigate(Object.fromEntries(managed.map((param) => [param, null])), "push");
  };

  // The no-JavaScript GET submit must carry the params this form does not own (sort, tab…).
  const carried = [...searchParams.entries()].filter(([key]) => key !== "page" && !managed.includes(key));

  return (
    <search>
      <form
        method="get"
        action={pathname}
        onSubmit={onSubmit}
        aria-busy={pending || undefined}
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        {carried.map(([key, value], index) => (
          <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
        ))}
        {search && (
          <div className="w-full min-w-48 flex-1 space-y-1 sm:w-auto">
            <label htmlFor={`${baseId}-q`} className="block text-sm font-medium text-ink">
              {search.label}
            </label>
            <Input
              id={`${baseId}-q`}
              type="search"
              name={searchParam}
              value={text}
              placeholder={search.placeholder}
              onChange={(event) => onText(event.currentTarget.value)}
              autoComplete="off"
            />
          </div>
        )}
        {filters.map((filter) => {
          const id = `${baseId}-${filter.param}`;
          const value =
            searchParams.get(filter.param) ?? (filter.type === "date" ? filter.applied : "") ?? "";
          return (
            // max-w-full: a select whose longest option is wider than a phone shrinks to fit.
            <div key={filter.param} className="max-w-full space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-ink">
                {filter.label}
              </label>
              {filter.type === "select" ? (
                <Select
                  id={id}
                  name={filter.param}
                  value={value}
                  options={filter.options}
                  placeholder={filter.allLabel ?? "All"}
                  onChange={(event) => navigate({ [filter.param]: event.currentTarget.value }, "push")}
                  className="w-auto max-w-full min-w-40"
                />
              ) : (
                <Input
                  id={id}
                  type="date"
                  name={filter.param}
                  value={value}
                  onChange={(event) => navigate({ [filter.param]: event.currentTarget.value }, "push")}
                  className="w-auto"
                />
              )}
            </div>
          );
        })}
        <noscript>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </noscript>
        {active && (
          <Button variant="ghost" onClick={clearAll}>
            Clear filters
          </Button>
        )}
        <span aria-live="polite" className="self-center text-sm text-ink-muted">
          {pending ? "Updating…" : ""}
        </span>
      </form>
    </search>
  );
}
