import type { z } from "zod";
import { parseListParams } from "@/lib/core/list-params";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { invalidRequest } from "@/lib/http/zod-errors";
import { listOrdersInput, orderListFilters, orderListSorts } from "./list-orders-input";

const shape = orderListFilters.shape;
const filterKeys = [
  "status",
  "source",
  "advertiserId",
  "propertyId",
  "salesManagerId",
  "from",
  "to",
  "sync",
] as const;

const listParams = (searchParams: SearchParamsInput) =>
  parseListParams(searchParams, { sortable: orderListSorts, defaultSort: { id: "createdAt", dir: "desc" } });

/**
 * The list's input from the URL, never trusting it: a filter that does not parse (an
 * unknown status, a made-up date, an id past 32 bits, a NUL byte in the search) is
 * dropped rather than failing the page.
 */
export function listOrdersInputFromParams(searchParams: SearchParamsInput): listOrdersInput {
  const { page, pageSize, sort, q } = listParams(searchParams);
  const valid = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const filters = Object.fromEntries(
    filterKeys.map((key) => [key, valid(shape[key], firstParam(searchParams, key))]),
  );
  return listOrdersInput.parse({
    ...filters,
    q: valid(shape.q, q?.slice(0, 200)),
    sort: sort.id,
    dir: sort.dir,
    page,
    pageSize,
  });
}

/**
 * The export's filters from the URL. Unlike the page, a filter that does not parse is
 * refused (422 naming it): a download must never silently hold more orders than asked for.
 */
export function orderExportFiltersFromParams(searchParams: SearchParamsInput): orderListFilters {
  const { sort } = listParams(searchParams);
  const raw = Object.fromEntries([...filterKeys, "q"].map((key) => [key, firstParam(searchParams, key)]));
  const parsed = orderListFilters.safeParse({ ...raw, sort: sort.id, dir: sort.dir });
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}
