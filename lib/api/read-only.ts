import { BadRequest } from "@/lib/core/errors";
import type { ApiOrder } from "./schemas";

/** Seed 002's read-only attributes (r), and AdDesk's own additions to the order. */
export const readOnlyAttributes = [
  "id",
  "status",
  "average_bid_price",
  "filled_volume",
  "realm",
  "last_modified_date",
  "order_statistic",
  "currency",
  "line_items",
] as const;

/** Attributes seed 002 lets a client set that AdDesk decides itself: prices come from the rate card. */
const decidedByAddesk: Record<string, string> = {
  gross_purchase_price: "Prices come from the zone's rate card; leave gross_purchase_price out.",
  net_purchase_price: "Prices come from the zone's rate card; leave net_purchase_price out.",
  maximum_bid_price: "AdDesk sells at fixed rates, not by auction; leave maximum_bid_price out.",
  linked_user: "The order is recorded as created by your API key; leave linked_user out.",
};

/** What PUT may change on a booked order. */
export const updatableAttributes = ["priority", "daily_volume"] as const;

const asObject = (raw: unknown): Record<string, unknown> | null =>
  raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;

/** Text as both JSON and XML bodies carry it (XML's values are all text); empty for nothing. */
function wireText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const id = (value as { id?: unknown }).id;
    return id === undefined ? "" : wireText(id);
  }
  return String(value);
}

/**
 * Refuses attributes a client may not set, each named: read-only ones, and on create
 * the ones AdDesk decides. On update, any attribute of the order may be sent back as it
 * was read (a client that PUTs what it GOT is not refused); only a changed one is.
 */
export function refuseReadOnly(raw: unknown, mode: "create" | "update", current?: ApiOrder): void {
  const body = asObject(raw);
  if (!body)
    throw new BadRequest("Send the order as an object (JSON) or an <order> element (XML).", {
      body: ["An order object."],
    });
  const fields: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (mode === "create") {
      if ((readOnlyAttributes as readonly string[]).includes(key)) fields[key] = [`${key} is read-only.`];
      else if (key in decidedByAddesk) fields[key] = [decidedByAddesk[key]];
      continue;
    }
    if ((updatableAttributes as readonly string[]).includes(key) || !current || !(key in current)) continue;
    // Derived lists: whatever was sent back, they are recomputed.
    if (key === "order_statistic" || key === "line_items") continue;
    const was = current[key as keyof ApiOrder];
    if (wireText(value) === wireText(was)) continue;
    fields[key] = [
      (readOnlyAttributes as readonly string[]).includes(key) || key === "name"
        ? `${key} is read-only.`
        : `${key} cannot change once an order is booked: only ${updatableAttributes.join(" and ")} can. Book a new order instead.`,
    ];
  }
  const names = Object.keys(fields);
  if (names.length) {
    throw new BadRequest(`These attributes cannot be set: ${names.join(", ")}.`, fields);
  }
}
