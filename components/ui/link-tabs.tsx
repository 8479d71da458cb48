import Link from "next/link";
import { firstParam, hrefWith, type SearchParamsInput } from "@/lib/core/search-params";
import { formatCount } from "@/lib/format/format-count";
import { cn } from "./cn";

export type LinkTab = {
  label: string;
  /** The param's value for this tab; null or omitted for the "All" tab. */
  value?: string | null;
  count?: number | bigint;
  /** Overrides the computed href. */
  href?: string;
};

/**
 * Tabs whose state lives in the URL (?status=live). Each tab is a link, so the back
 * button, bookmarks and opening in a new tab all work; switching tabs resets the page.
 * The current tab is marked aria-current="page".
 */
export function LinkTabs({
  label,
  tabs,
  param = "tab",
  searchParams,
  current,
}: {
  /** Names the tab list for screen readers, e.g. "Order status". */
  label: string;
  tabs: readonly LinkTab[];
  param?: string;
  searchParams: SearchParamsInput;
  /** Defaults to the param's value in searchParams. */
  current?: string | null;
}) {
  const active = current === undefined ? (firstParam(searchParams, param) ?? null) : current;
  return (
    <nav aria-label={label} className="mb-4 border-b border-line">
      {/* Tabs wrap rather than scroll sideways, so every status stays in view on a laptop and a phone. */}
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {tabs.map((tab) => {
          const value = tab.value ?? null;
          const isActive = value === active;
          return (
            <li key={value ?? ""} className="shrink-0">
              <Link
                href={tab.href ?? hrefWith(searchParams, { [param]: value, page: null })}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  isActive
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink",
                )}
              >
                {tab.label}
                {tab.count !== undefined && " "}
                {tab.count !== undefined && (
                  <span
                    className={cn(
                      "rounded-full px-2 py-0.5 text-xs tabular-nums",
                      isActive ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-700",
                    )}
                  >
                    {formatCount(tab.count)}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
