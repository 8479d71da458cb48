import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { adZones, type lineItems } from "@/db/schema";
import { Conflict, type FieldErrors, Invalid } from "@/lib/core/errors";
import { calendarDay, id, idList, lineItemQuantity, optionalText } from "@/lib/core/validation";
import { parseDayRange } from "@/lib/inventory/parse-day-range";
import { parseMoney } from "@/lib/money/parse-money";
import type { LoadedOrder } from "@/lib/orders/get-order-for-actor";
import { openLineItemStatuses } from "@/lib/orders/line-item-changes";
import { lineItemDraftInput } from "@/lib/orders/line-item-draft";
import { type PricedLineItem, priceLineItems } from "@/lib/orders/price-line-items";
import type { OrderStatus } from "@/lib/orders/types";
import { priceLineItem } from "@/lib/pricing/price-line-item";

/** An order may be renegotiated while it waits for review or is approved and not finished. */
export const changeableStatuses: readonly OrderStatus[] = ["pending_review", "approved", "live", "paused"];

const countryList = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: "Use two-letter country codes." }),
  )
  .min(1, { error: "Choose at least one country." })
  .max(50, { error: "Choose at most 50 countries." });

/** One open line item's new terms; what is left out stays as it is. The rate is typed money. */
export const lineItemEditInput = z.object({
  lineItemId: id("Choose a line item of this order."),
  startDate: calendarDay().optional(),
  endDate: calendarDay().optional(),
  countries: countryList.optional(),
  quantity: lineItemQuantity().optional(),
  rate: optionalText({ max: 40 }),
});

/** What a person proposes: edits to line items, line items to remove, new ones to add. */
export const proposalInput = {
  changes: z.array(lineItemEditInput).max(50, { error: "Propose at most 50 line item changes." }).default([]),
  remove: idList({ max: 50, message: "Choose line items of this order to remove." }),
  add: z.array(lineItemDraftInput).max(20, { error: "Add at most 20 line items at once." }).default([]),
};

/** The proposal as stored (rates in minor units), re-planned against the order when accepted. */
export type StoredProposal = {
  changes: {
    lineItemId: number;
    startDate?: string;
    endDate?: string;
    countries?: string[];
    quantity?: number;
    rate?: number;
  }[];
  remove: number[];
  add: lineItemDraftInput[];
  /** The diff as it was when proposed, for showing side by side after the order moved on. */
  preview?: ProposalPreview;
};

/** One row of the side-by-side diff: a line item's terms before and after (null: added or removed). */
export type PreviewRow = {
  lineItemId: number | null;
  zoneId: number;
  zoneName: string;
  model: string;
  before: LineItemTerms | null;
  after: LineItemTerms | null;
};
export type ProposalPreview = { rows: PreviewRow[] };

export type LineItemTerms = {
  countries: string[];
  startDate: string;
  endDate: string;
  quantity: number;
  rate: number;
  amount: number;
};

type LineItemRow = typeof lineItems.$inferSelect;

export type PlannedChange = {
  changed: { lineItem: LineItemRow; before: LineItemTerms; after: LineItemTerms }[];
  removed: LineItemRow[];
  added: PricedLineItem[];
  /** Value of the open line items before and after, minor units. */
  amountBefore: number;
  amountAfter: number;
};

export const isOpen = (li: { status: string }) =>
  (openLineItemStatuses as readonly string[]).includes(li.status);

export function termsOf(li: LineItemRow): LineItemTerms {
  return {
    countries: li.countries,
    startDate: li.startDate,
    endDate: li.endDate,
    quantity: li.quantity,
    rate: li.rate,
    amount: li.amount,
  };
}

function delivered(li: LineItemRow): number {
  return li.model === "cpc" ? li.deliveredClicks : li.model === "cpm" ? li.deliveredImpressions : 0;
}

/** Parses typed rates with the order's currency; every problem is reported under its field. */
export function storeProposal(
  input: {
    changes: z.infer<typeof lineItemEditInput>[];
    remove: number[];
    add: lineItemDraftInput[];
  },
  currency: string,
): StoredProposal {
  const errors: FieldErrors = {};
  const changes = input.changes.map((edit, i) => {
    const { rate, ...rest } = edit;
    if (rate === undefined || rate === "") return rest;
    try {
      return { ...rest, rate: parseMoney(rate, currency, `changes.${i}.rate`) };
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      Object.assign(errors, error.fieldErrors);
      return rest;
    }
  });
  if (Object.keys(errors).length) throw new Invalid("Please correct the highlighted changes.", errors);
  return { changes, remove: input.remove, add: input.add };
}

/**
 * What a proposal would do to the order as it stands: each edited line item's terms before
 * and after, re-priced; the line items removed; the new ones priced from the rate card (or
 * the proposed rate). Every problem is reported by field; nothing is written here.
 */
export async function planChange(
  db: Queryable,
  loaded: LoadedOrder,
  proposal: StoredProposal,
  today: string,
): Promise<PlannedChange> {
  const { order } = loaded;
  if (!changeableStatuses.includes(order.status)) {
    throw new Conflict(
      "Only an order pending review, or approved and not yet finished, can be changed by agreement.",
    );
  }
  if (proposal.changes.length + proposal.remove.length + proposal.add.length === 0) {
    throw new Invalid("Propose at least one change.", { changes: ["Propose at least one change."] });
  }
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const open = new Map(loaded.lineItems.filter(isOpen).map((li) => [li.id, li]));
  const zoneShares = await zoneCountries(db, loaded);

  const changed: PlannedChange["changed"] = [];
  const seen = new Set<number>();
  for (const [i, edit] of proposal.changes.entries()) {
    const at = (field: string) => `changes.${i}.${field}`;
    const li = open.get(edit.lineItemId);
    if (!li) {
      fail(at("lineItemId"), `Line item #${edit.lineItemId} is not an open line item of this order.`);
      continue;
    }
    if (seen.has(li.id)) {
      fail(at("lineItemId"), `Line item #${li.id} is changed twice; change it once.`);
      continue;
    }
    seen.add(li.id);
    const before = termsOf(li);
    const startDate = edit.startDate ?? li.startDate;
    const endDate = edit.endDate ?? li.endDate;
    const countries = edit.countries ? [...new Set(edit.countries)] : li.countries;
    const rate = edit.rate ?? li.rate;
    const started = li.startDate <= today || li.status === "delivering";
    if (edit.startDate && edit.startDate !== li.startDate) {
      if (started) fail(at("startDate"), "This line item has started: its start date cannot move.");
      else if (edit.startDate < today) fail(at("startDate"), "The start date is in the past.");
    }
    if (edit.endDate && edit.endDate !== li.endDate && edit.endDate < today) {
      fail(at("endDate"), "The end date is in the past.");
    }
    let days = 0;
    try {
      days = parseDayRange(startDate, endDate, { start: at("startDate"), end: at("endDate") }).length;
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors))
        for (const m of messages) fail(field, m);
      continue;
    }
    const sold = zoneShares.get(li.zoneId) ?? [];
    const unknown = countries.filter((c) => !sold.includes(c));
    if (unknown.length) fail(at("countries"), `This zone is not sold in ${unknown.join(", ")}.`);
    if (started && edit.countries && sameSet(edit.countries, li.countries) === false) {
      fail(at("countries"), "This line item has started: its countries cannot change.");
    }
    const quantity = li.model === "cpd" ? days : (edit.quantity ?? li.quantity);
    if (quantity < delivered(li)) {
      fail(
        at("quantity"),
        `Already ${delivered(li).toLocaleString("en-US")} delivered: the quantity cannot go below that.`,
      );
    }
    if (
      errors[at("startDate")] ||
      errors[at("endDate")] ||
      errors[at("countries")] ||
      errors[at("quantity")]
    ) {
      continue;
    }
    let amount: number;
    try {
      amount = priceLineItem({ model: li.model, rate, quantity, days, countries: countries.length }).amount;
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      fail(at("quantity"), error.message);
      continue;
    }
    const after = { countries, startDate, endDate, quantity, rate, amount };
    if (sameTerms(before, after)) {
      fail(at("lineItemId"), `Line item #${li.id} would stay as it is: change something or leave it out.`);
      continue;
    }
    changed.push({ lineItem: li, before, after });
  }

  const removed: LineItemRow[] = [];
  for (const lineItemId of new Set(proposal.remove)) {
    const li = open.get(lineItemId);
    if (!li) fail("remove", `Line item #${lineItemId} is not an open line item of this order.`);
    else if (seen.has(li.id)) fail("remove", `Line item #${li.id} is both changed and removed; choose one.`);
    else if (delivered(li) > 0 || li.status === "delivering") {
      fail("remove", `Line item #${li.id} has started delivering; cancel it from its menu instead.`);
    } else removed.push(li);
  }

  let added: PricedLineItem[] = [];
  if (proposal.add.length) {
    try {
      added = await priceLineItems(db, order.publisherId, proposal.add, {
        today,
        propertyId: order.propertyId,
        allowRateOverride: true,
      });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        for (const m of messages) fail(field.replace(/^lineItems\./, "add."), m);
      }
    }
  }
  const removedIds = new Set(removed.map((li) => li.id));
  if (
    !Object.keys(errors).length &&
    added.length === 0 &&
    [...open.keys()].every((id) => removedIds.has(id))
  ) {
    fail("remove", "Removing every line item would leave nothing to deliver; cancel the order instead.");
  }
  if (Object.keys(errors).length) throw new Invalid("Please correct the highlighted changes.", errors);

  const amountBefore = [...open.values()].reduce((sum, li) => sum + li.amount, 0);
  const changedAmount = new Map(changed.map((c) => [c.lineItem.id, c.after.amount]));
  const amountAfter =
    [...open.values()]
      .filter((li) => !removedIds.has(li.id))
      .reduce((sum, li) => sum + (changedAmount.get(li.id) ?? li.amount), 0) +
    added.reduce((sum, li) => sum + li.amount, 0);
  return { changed, removed, added, amountBefore, amountAfter };
}

/** The side-by-side rows of a plan, with zone names, as stored with the proposal. */
export async function previewOf(
  db: Queryable,
  publisherId: number,
  plan: PlannedChange,
): Promise<ProposalPreview> {
  const ids = [
    ...new Set([
      ...plan.changed.map((c) => c.lineItem.zoneId),
      ...plan.removed.map((li) => li.zoneId),
      ...plan.added.map((li) => li.zoneId),
    ]),
  ];
  const zones = ids.length
    ? await db
        .select({ id: adZones.id, name: adZones.name })
        .from(adZones)
        .where(and(eq(adZones.publisherId, publisherId), inArray(adZones.id, ids)))
    : [];
  const name = (zoneId: number) => zones.find((z) => z.id === zoneId)?.name ?? `Zone #${zoneId}`;
  return {
    rows: [
      ...plan.changed.map((c) => ({
        lineItemId: c.lineItem.id,
        zoneId: c.lineItem.zoneId,
        zoneName: name(c.lineItem.zoneId),
        model: c.lineItem.model,
        before: c.before,
        after: c.after,
      })),
      ...plan.removed.map((li) => ({
        lineItemId: li.id,
        zoneId: li.zoneId,
        zoneName: name(li.zoneId),
        model: li.model,
        before: termsOf(li),
        after: null,
      })),
      ...plan.added.map((li) => ({
        lineItemId: null,
        zoneId: li.zoneId,
        zoneName: li.zone.name,
        model: li.zone.pricingModel,
        before: null,
        after: {
          countries: li.countries,
          startDate: li.startDate,
          endDate: li.endDate,
          quantity: li.quantity,
          rate: li.rate,
          amount: li.amount,
        },
      })),
    ],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function sameTerms(a: LineItemTerms, b: LineItemTerms): boolean {
  return (
    a.startDate === b.startDate &&
    a.endDate === b.endDate &&
    sameSet(a.countries, b.countries) &&
    a.quantity === b.quantity &&
    a.rate === b.rate
  );
}

/** The countries each of the order's zones is sold in. */
async function zoneCountries(db: Queryable, loaded: LoadedOrder): Promise<Map<number, string[]>> {
  const ids = [...new Set(loaded.lineItems.map((li) => li.zoneId))];
  if (ids.length === 0) return new Map();
  const zones = await db
    .select({ id: adZones.id, countryShares: adZones.countryShares })
    .from(adZones)
    .where(and(eq(adZones.publisherId, loaded.order.publisherId), inArray(adZones.id, ids)));
  return new Map(zones.map((z) => [z.id, Object.keys(z.countryShares as Record<string, number>)]));
}
