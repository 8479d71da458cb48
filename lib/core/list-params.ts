import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";

export type SortDir = "asc" | "desc";
export type SortState<S extends string = string> = { id: S; dir: SortDir };

export type ListParams<S extends string> = {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Rows to skip: (page - 1) * pageSize. */
  offset: number;
  sort: SortState<S>;
  /** The trimmed text search, if any. */
  q: string | undefined;
};

function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * Reads ?page, ?pageSize, ?sort, ?dir and ?q, never trusting them: an unknown sort
 * column or a silly page size falls back to the defaults, so the query only ever sees
 * values it allows.
 */
export function parseListParams<S extends string>(
  searchParams: SearchParamsInput,
  {
    sortable,
    defaultSort,
    defaultPageSize = 25,
    maxPageSize = 100,
  }: {
    sortable: readonly S[];
    defaultSort: SortState<NoInfer<S>>;
    defaultPageSize?: number;
    maxPageSize?: number;
  },
): ListParams<S> {
  const page = positiveInt(firstParam(searchParams, "page")) ?? 1;
  const pageSize = Math.min(
    positiveInt(firstParam(searchParams, "pageSize")) ?? defaultPageSize,
    maxPageSize,
  );
  const sortParam = firstParam(searchParams, "sort");
  const dirParam = firstParam(searchParams, "dir");
  const sortId = sortable.find((id) => id === sortParam);
  const sort: SortState<S> = sortId
    ? { id: sortId, dir: dirParam === "desc" ? "desc" : dirParam === "asc" ? "asc" : defaultSort.dir }
    : defaultSort;
  const q = firstParam(searchParams, "q")?.trim() || undefined;
  return { page, pageSize, offset: (page - 1) * pageSize, sort, q };
}
