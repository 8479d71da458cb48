import type { z } from "zod";
import { parseListParams } from "@/lib/core/list-params";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { listOrdersInput, orderListFilters, orderListSorts } from "./list-orders-input";

const shape = orderListFilters.shape;

/**
 * The list's input from the URL, never trusting it: a filter that does not parse (an
 * unknown status, a made-up date) is dropped rather than failing the page.
 */
export function listOrdersInputFromParams(searchParams: SearchParamsInput): listOrdersInput {
  const { page, pageSize, sort, q } = parseListParams(searchParams, {
    sortable: orderListSorts,
    defaultSort: { id: "createdAt", dir: "desc" },
  });
  const pick = <T>(schema: z.ZodType<T>, key: string): T | undefined => {
    const parsed = schema.safeParse(firstParam(searchParams, key));
    return parsed.success ? parsed.data : undefined;
  };
  return listOrdersInput.parse({
    status: pick(shape.status, "status"),
    source: pick(shape.source, "source"),
    advertiserId: pick(shape.advertiserId, "advertiserId"),
    propertyId: pick(shape.propertyId, "propertyId"),
    salesManagerId: pick(shape.salesManagerId, "salesManagerId"),
    from: pick(shape.from, "from"),
    to: pick(shape.to, "to"),
    q: q?.slice(0, 200),
    sort: sort.id,
    dir: sort.dir,
    page,
    pageSize,
  });
}
