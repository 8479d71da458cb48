import { z } from "zod";

/**
 * What AdDesk sends the publisher's ad server and what it expects back (README "Ad server
 * sync"; the OpenAPI document's `webhooks` are made from these same schemas).
 */

export const syncChanges = [
  "approved",
  "started",
  "paused",
  "resumed",
  "canceled",
  "completed",
  "creative_approved",
  "creative_rejected",
  "creative_assigned",
] as const;
export type SyncChange = (typeof syncChanges)[number];

export const lineItemSyncEvent = "line_item.changed";
export const connectionTestEvent = "connection.test";

const syncCreative = z
  .object({
    id: z.string().describe("AdDesk's creative id."),
    name: z.string(),
    kind: z.enum(["image", "html", "text"]),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    clickUrl: z.string().describe("Where a click should lead."),
    body: z.string().nullable().describe("The HTML or text of html and text creatives; null for images."),
  })
  .meta({ id: "AdServerCreative", description: "An approved creative the line item may serve." });

export const lineItemSyncState = z
  .object({
    id: z.string().describe("AdDesk's line item id."),
    orderId: z.string(),
    orderName: z.string(),
    advertiser: z.string(),
    status: z.enum(["pending", "ready", "delivering", "paused", "completed", "canceled"]),
    active: z
      .boolean()
      .describe("Whether it should serve: ready or delivering, with at least one approved creative."),
    model: z.enum(["cpm", "cpc", "cpd"]),
    quantity: z.number().int().describe("Impressions (cpm), clicks (cpc) or days (cpd)."),
    dailyCap: z.number().int().nullable(),
    priority: z.enum(["very_low", "low", "normal", "high", "very_high", "exclusive"]),
    startDate: z.string().describe("First day, YYYY-MM-DD in the publisher's time zone."),
    endDate: z.string().describe("Last day, YYYY-MM-DD."),
    timezone: z.string(),
    countries: z.array(z.string()).describe("ISO country codes it is booked for."),
    zone: z.object({
      id: z.string(),
      name: z.string(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
    }),
    creatives: z.array(syncCreative),
  })
  .meta({ id: "AdServerLineItem", description: "The line item's whole current state, not a diff." });
export type LineItemSyncState = z.output<typeof lineItemSyncState>;

export const lineItemSyncBody = z
  .object({
    event: z.literal(lineItemSyncEvent),
    change: z.enum(syncChanges).describe("What happened to the line item."),
    sequence: z
      .number()
      .int()
      .describe(
        "Grows with each change of this line item. Keep the highest you applied and ignore a lower one: a retry of an older change may arrive late.",
      ),
    occurredAt: z.string().describe("When the change happened (ISO 8601)."),
    remoteId: z
      .string()
      .nullable()
      .describe("Your id for the line item, from your last acknowledgement; null until you gave one."),
    lineItem: lineItemSyncState,
  })
  .meta({ id: "AdServerLineItemChanged", description: "POSTed for every change a line item goes through." });
export type LineItemSyncBody = z.output<typeof lineItemSyncBody>;

export const connectionTestBody = z
  .object({
    event: z.literal(connectionTestEvent),
    occurredAt: z.string(),
  })
  .meta({ id: "AdServerConnectionTest", description: "Sent by the Test connection button; answer 2xx." });

/** The acknowledgement: any 2xx with this JSON; anything else is a failed attempt, retried. */
export const syncAcknowledgement = z
  .object({
    remoteId: z
      .union([z.string().trim().min(1).max(200), z.number().int().nonnegative()])
      .describe("Your ad server's id for the line item (a number is read as its digits)."),
  })
  .meta({
    id: "AdServerAcknowledgement",
    description: "What the ad server answers (2xx) to a line item change.",
  });
