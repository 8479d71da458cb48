import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { cn } from "@/components/ui/cn";
import { hrefWith, type SearchParamsInput } from "@/lib/core/search-params";
import { formatCount } from "@/lib/format/format-count";

/** "Showing 26–50 of 1,234" with Previous and Next links that keep every other param. */
export function Pagination({
  total,
  page,
  pageSize,
  rowCount,
  searchParams,
}: {
  total: number;
  page: number;
  pageSize: number;
  /** Rows actually on this page. */
  rowCount: number;
  searchParams: SearchParamsInput;
}) {
  if (total <= 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + rowCount;
  const pageHref = (n: number) => hrefWith(searchParams, { page: n === 1 ? null : n });
  const linkClass = buttonClasses("secondary", "sm");
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
    >
      <p className="text-ink-muted">
        {rowCount > 0
          ? `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`
          : `${formatCount(total)} in all`}
      </p>
      <div className="flex items-center gap-2">
        <span className="hidden text-ink-muted sm:inline">
          Page {formatCount(Math.min(page, pages))} of {formatCount(pages)}
        </span>
        {page > 1 ? (
          <Link href={pageHref(Math.min(page - 1, pages))} rel="prev" className={linkClass}>
            Previous
          </Link>
        ) : (
          // A link with nowhere to go: announced as a dimmed link, not focusable.
          // biome-ignore lint/a11y/useValidAnchor: deliberately without href
          <a role="link" aria-disabled="true" className={disabledClass}>
            Previous
          </a>
        )}
        {page < pages ? (
          <Link href={pageHref(page + 1)} rel="next" className={linkClass}>
            Next
          </Link>
        ) : (
          // biome-ignore lint/a11y/useValidAnchor: deliberately without href
          <a role="link" aria-disabled="true" className={disabledClass}>
            Next
          </a>
        )}
      </div>
    </nav>
  );
}
