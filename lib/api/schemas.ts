import { z } from "zod";
import { pricingModel, priority } from "@/db/schema/enums";
import { calendarDay, id, lineItemQuantity, text, wholeNumber } from "@/lib/core/validation";

/**
 * The REST API's schemas: the same objects validate requests and, through
 * z.toJSONSchema, make the OpenAPI document (lib/api/openapi.ts). Ids are strings on the
 * wire (seed 002); the schemas also read them as numbers, and read XML's text values.
 */

export const apiStatusNames = [
  "pending",
  "playing",
  "pausing",
  "paused",
  "stopping",
  "stopped",
  "refunded",
  "archived",
] as const;

const datetimePattern = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date or datetime as seed 002 writes them (2030-01-10 or 2030-01-10T00:00:00): the calendar day it names. */
export const apiDay = z
  .string({ error: "Enter a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS." })
  .regex(datetimePattern, { error: "Enter a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS." })
  .transform((value) => value.slice(0, 10))
  .pipe(calendarDay())
  .meta({ description: "A date (YYYY-MM-DD) or datetime (YYYY-MM-DDTHH:MM:SS); only its day is used." });

/** An instant (a datetime without zone is UTC), for `updated_since`. */
export const apiInstant = z
  .string({ error: "Enter a datetime as YYYY-MM-DDTHH:MM:SS (UTC unless it carries a zone)." })
  .regex(datetimePattern, {
    error: "Enter a datetime as YYYY-MM-DDTHH:MM:SS (UTC unless it carries a zone).",
  })
  .transform(
    (value) => new Date(/Z|[+-]\d{2}:?\d{2}$/.test(value) || value.length === 10 ? value : `${value}Z`),
  )
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, {
    error: "Enter a real datetime between the years 2000 and 2100.",
  })
  .meta({ description: "A datetime, UTC unless it carries a zone: 2030-01-10T08:00:00." });

const apiId = (what: string) =>
  id(`Not a valid ${what} id: use the id as the API shows it (a whole number).`).meta({
    description: `The ${what}'s id (a string of digits; a number is read too).`,
  });

const page = wholeNumber({ min: 1, max: 1_000_000, invalid: "page starts at 1 (a whole number)." })
  .optional()
  .default(1)
  .meta({ description: "Which page, from 1. Default 1." });
const pagesize = wholeNumber({ min: 1, max: 100, invalid: "pagesize is a whole number from 1 to 100." })
  .optional()
  .default(25)
  .meta({ description: "Results per page, 1 to 100. Default 25." });

export const listOrdersQuery = z
  .object({
    username: text({ min: 1, max: 254 })
      .optional()
      .meta({ description: "Email of the user who created the orders (linked_user.name)." }),
    zoneid: apiId("ad zone").optional(),
    contactid: apiId("advertiser").optional(),
    campaignid: apiId("campaign (in AdDesk: the advertiser)").optional(),
    status: z
      .enum(apiStatusNames, { error: `status is one of ${apiStatusNames.join(", ")}.` })
      .optional()
      .meta({ description: "Only orders in this seed-002 status." }),
    updated_since: apiInstant.optional(),
    page,
    pagesize,
  })
  .meta({ id: "ListOrdersQuery" });

export const statisticsQuery = z
  .object({
    fromdate: apiDay.optional(),
    todate: apiDay.optional(),
    page,
    pagesize,
  })
  .refine((q) => !q.fromdate || !q.todate || q.fromdate <= q.todate, {
    error: "todate must be on or after fromdate.",
    path: ["todate"],
  })
  .meta({ id: "StatisticsQuery" });

const linked = (what: string) =>
  z
    .strictObject({
      id: apiId(what),
      name: z.string().optional().meta({ description: "Read-only; ignored." }),
    })
    .meta({ description: `The ${what} (only its id is read).` });

const countryList = z
  .union([z.array(z.string()), z.string()], {
    error: "Give countries as two-letter codes (a list, or US,GB).",
  })
  .transform((value) =>
    (typeof value === "string" ? value.split(",") : value).map((c) => c.trim().toUpperCase()),
  )
  .pipe(
    z
      .array(z.string().regex(/^[A-Z]{2}$/, { error: "Use two-letter country codes." }))
      .min(1, { error: "Choose at least one country." })
      .max(300),
  )
  .meta({
    description:
      "Two-letter country codes (a list, or comma-separated). Default: every country the zone sells.",
  });

export const createOrderBody = z
  .strictObject({
    name: text({ min: 2, max: 200 })
      .optional()
      .meta({ description: "Default: the zone's name and start date." }),
    priority: z.enum(priority.enumValues).optional().meta({ description: "Default normal." }),
    model: z
      .enum(pricingModel.enumValues)
      .optional()
      .meta({ description: "If given, must be the zone's pricing model." }),
    total_volume: lineItemQuantity()
      .optional()
      .meta({ description: "Impressions (cpm) or clicks (cpc); for cpd the days follow from the dates." }),
    daily_volume: wholeNumber({ min: 1, max: 10_000_000_000 })
      .optional()
      .meta({ description: "Most units a day (a daily cap)." }),
    start_date: apiDay,
    end_date: apiDay,
    countries: countryList.optional(),
    linked_zone: linked("ad zone"),
    linked_campaign: linked("campaign (in AdDesk: the advertiser)"),
  })
  .refine((o) => o.start_date <= o.end_date, {
    error: "end_date must be on or after start_date.",
    path: ["end_date"],
  })
  .meta({
    id: "CreateOrder",
    description: "A new order: one line item on one zone, approved at once (inventory reserved).",
  });

export const updateOrderBody = z
  .looseObject({
    priority: z.enum(priority.enumValues).optional(),
    daily_volume: wholeNumber({ min: 1, max: 10_000_000_000 }).optional(),
  })
  .meta({
    id: "UpdateOrder",
    description:
      "priority and daily_volume change the order's line items. Any other attribute of the order may be sent back unchanged (it is ignored); a changed one is refused naming the field.",
  });

export const processActions = ["play", "pause", "stop", "refund", "archive"] as const;

export const processBody = z
  .object({
    action: z.enum(processActions, { error: `action is one of ${processActions.join(", ")}.` }),
    orderid: z
      .union([z.string(), z.number()], { error: "orderid is a comma-separated list of order ids." })
      .transform((v) =>
        String(v)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.length > 0, { error: "orderid names at least one order." })
      .refine((ids) => ids.length <= 100, { error: "At most 100 orders at a time." })
      .refine((ids) => ids.every((id) => /^\d{1,10}$/.test(id)), {
        error: "orderid holds order ids (whole numbers) separated by commas.",
      })
      .transform((ids) => [...new Set(ids.map(Number))]),
  })
  .meta({ id: "ProcessOrders" });

const named = z.object({ id: z.string(), name: z.string() });

export const apiOrderStatistic = z
  .object({
    hits: z.number().meta({ description: "Impressions." }),
    uniques: z.number(),
    clicks: z.number(),
    conversions: z.number(),
    views: z.number().meta({ description: "Always 0: AdDesk does not count playbacks." }),
    duration: z.number().meta({ description: "Always 0." }),
    average_conversion_amount: z.number().meta({ description: "Always 0: conversions carry no amount." }),
    days: z.number().meta({ description: "Days with delivery." }),
    date: z
      .string()
      .meta({ description: "The day (daily stats) or the time (latest stats) they are for, UTC." }),
    linked_order: named,
  })
  .meta({ id: "OrderStatistic" });

export const apiLineItem = z
  .object({
    id: z.string(),
    status: z.string(),
    model: z.enum(pricingModel.enumValues),
    priority: z.enum(priority.enumValues),
    countries: z.array(z.string()),
    start_date: z.string(),
    end_date: z.string(),
    total_volume: z.number(),
    daily_volume: z.number().nullable(),
    filled_volume: z.number(),
    rate: z.number().meta({ description: "Price per unit (per 1,000 impressions for cpm), major units." }),
    amount: z.number(),
    linked_zone: named,
  })
  .meta({ id: "LineItem", description: "AdDesk's own: each line item of the order." });

export const apiOrder = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(apiStatusNames),
    priority: z.enum(priority.enumValues),
    model: z.enum(pricingModel.enumValues),
    gross_purchase_price: z.number(),
    net_purchase_price: z.number(),
    maximum_bid_price: z.number(),
    average_bid_price: z.number(),
    total_volume: z.number(),
    daily_volume: z.number().nullable(),
    filled_volume: z.number(),
    realm: z.string(),
    start_date: z.string().nullable(),
    end_date: z.string().nullable(),
    last_modified_date: z.string(),
    currency: z.string().meta({ description: "AdDesk's own: the currency of every price." }),
    linked_zone: named.nullable(),
    linked_campaign: named,
    linked_user: named.nullable(),
    order_statistic: apiOrderStatistic,
    line_items: z.array(apiLineItem),
  })
  .meta({ id: "Order" });
export type ApiOrder = z.infer<typeof apiOrder>;
export type ApiOrderStatistic = z.infer<typeof apiOrderStatistic>;

export const processResult = z
  .object({
    orderid: z.string(),
    success: z.boolean(),
    status: z.enum(apiStatusNames).optional(),
    error: z.string().optional(),
  })
  .meta({ id: "ProcessResult" });

export const apiError = z
  .object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())),
  })
  .meta({ id: "Error" });

/** A page of a list without filters (zones, advertisers). */
export const listPageQuery = z.object({ page, pagesize }).meta({ id: "ListPageQuery" });

export const zoneAvailabilityMaxDays = 93;

export const zoneQuery = z
  .object({
    fromdate: apiDay.optional().meta({ description: "First day of availability. Default: today." }),
    todate: apiDay
      .optional()
      .meta({ description: "Last day of availability (at most 93 days). Default: fromdate + 13 days." }),
    countries: countryList.optional(),
  })
  .refine((q) => !q.fromdate || !q.todate || q.fromdate <= q.todate, {
    error: "todate must be on or after fromdate.",
    path: ["todate"],
  })
  .meta({ id: "ZoneQuery" });

const zoneFields = {
  id: z.string(),
  name: z.string(),
  property: named,
  format: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  model: z.enum(pricingModel.enumValues),
  rate: z.number().meta({ description: "Base price per unit (per 1,000 impressions for cpm), major units." }),
  currency: z.string(),
  on_sale: z.boolean().meta({ description: "Visible on the rate card and not archived." }),
  countries: z.array(z.string()).meta({ description: "The countries the zone sells." }),
  lead_days: z.number(),
  min_volume: z.number().nullable(),
  max_volume: z.number().nullable(),
};

export const apiZoneSummary = z.object(zoneFields).meta({ id: "ZoneSummary" });

export const apiZoneDay = z
  .object({
    date: z.string(),
    available: z.number().meta({ description: "Units free over the requested countries (0 when closed)." }),
    sold_out: z.boolean(),
    closed: z
      .string()
      .optional()
      .meta({ description: "Why the day cannot be booked (blackout, lead time, window)." }),
    countries: z.array(
      z.object({ code: z.string(), capacity: z.number(), reserved: z.number(), available: z.number() }),
    ),
  })
  .meta({ id: "ZoneDay" });

export const apiZone = z
  .object({
    ...zoneFields,
    availability: z.object({
      fromdate: z.string(),
      todate: z.string(),
      countries: z.array(z.string()),
      days: z.array(apiZoneDay),
    }),
  })
  .meta({ id: "Zone" });
export type ApiZoneSummary = z.infer<typeof apiZoneSummary>;
export type ApiZone = z.infer<typeof apiZone>;

export const apiAdvertiser = z
  .object({
    id: z.string(),
    name: z.string().meta({ description: "The company." }),
    contact_name: z.string(),
    contact_email: z.string(),
    phone: z.string().nullable(),
    orders: z.number().meta({ description: "Orders booked, any status." }),
    created_date: z.string(),
  })
  .meta({ id: "Advertiser", description: "In seed 002's words a campaign (linked_campaign)." });
export type ApiAdvertiser = z.infer<typeof apiAdvertiser>;
