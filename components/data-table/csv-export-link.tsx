import { buttonClasses } from "@/components/ui/button-classes";
import { hrefWith, type SearchParamsInput } from "@/lib/core/search-params";

/**
 * The export URL for the list as filtered and sorted now: every param except paging,
 * so the CSV holds all matching rows, not one page.
 */
export function csvExportHref(exportPath: string, searchParams: SearchParamsInput): string {
  return hrefWith(searchParams, { page: null, pageSize: null }, exportPath);
}

/** "Export CSV", linking to a route handler that streams the same query as CSV (see toCsv). */
export function CsvExportLink({
  path,
  searchParams,
  label = "Export CSV",
}: {
  /** The route handler, e.g. "/publisher/orders/export". */
  path: string;
  searchParams: SearchParamsInput;
  label?: string;
}) {
  return (
    // A plain <a>: a route handler is not a page for the client router to fetch.
    <a href={csvExportHref(path, searchParams)} download className={buttonClasses("secondary", "sm")}>
      {label}
    </a>
  );
}
