import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { creatives, lineItemCreatives } from "@/db/schema";
import type { LoadedOrder } from "./get-order-for-actor";
import { lineItemBlockedReason } from "./line-item-blocked-reason";

/** The line items of an order that may not start yet, with the reason each is held back. */
export async function blockedLineItems(
  db: Queryable,
  loaded: LoadedOrder,
  { today, balanceDue }: { today: string; balanceDue: number },
): Promise<Map<number, string>> {
  const ids = loaded.lineItems.map((li) => li.id);
  const linked = ids.length
    ? await db
        .select({
          lineItemId: lineItemCreatives.lineItemId,
          reviewStatus: creatives.reviewStatus,
          reviewReason: creatives.reviewReason,
        })
        .from(lineItemCreatives)
        .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
        .where(inArray(lineItemCreatives.lineItemId, ids))
    : [];
  const blocked = new Map<number, string>();
  for (const li of loaded.lineItems) {
    const reason = lineItemBlockedReason(
      {
        status: li.status === "paused" ? "ready" : li.status,
        startDate: li.startDate,
        creatives: linked.filter((c) => c.lineItemId === li.id),
      },
      { prepayRequired: loaded.order.prepayRequired, balanceDue, today },
    );
    if (reason) blocked.set(li.id, reason);
  }
  return blocked;
}
