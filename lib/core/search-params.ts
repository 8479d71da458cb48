/** A page's awaited `searchParams`, or URLSearchParams from useSearchParams(). */
export type SearchParams = Record<string, string | string[] | undefined>;
export type SearchParamsInput = SearchParams | URLSearchParams;

export function toURLSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params;
}

/** The first value of a param, or undefined when it is missing or empty. */
export function firstParam(input: SearchParamsInput, key: string): string | undefined {
  return toURLSearchParams(input).get(key) || undefined;
}

export type ParamUpdates = Record<string, string | number | null | undefined>;

/**
 * A relative href ("?status=live&sort=name") keeping every other param; null, undefined
 * or "" removes one. The query-only href resolves against the current page.
 */
export function hrefWith(input: SearchParamsInput, updates: ParamUpdates, pathname = ""): string {
  const params = toURLSearchParams(input);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return `${pathname}?${query}`;
}
