import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db";
import { advertisers, memberships, properties, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, optionalId, text } from "@/lib/core/validation";

import { insertOrder } from "./insert-order";
import { lineItemDraftInput } from "./line-item-draft";
import { notifyOrderParty } from "./notify-order-party";
import { priceLineItems } from "./price-line-items";

export const createManualOrderInput = z
  .object({
    advertiserId: optionalId("Choose an advertiser."),
    newAdvertiser: z
      .object({
        company: text({ min: 2, max: 200, required: "Enter the advertiser's company name." }),
        contactName: text({ min: 2, max: 200, required: "Enter a contact name." }),
        contactEmail: z.email({ error: "Enter a valid email address." }),
      })
      .optional(),
    name: text({ min: 2, max: 200, required: "Give the order a name." }),
    propertyId: id("Choose a property."),
    salesManagerId: optionalId("Choose someone on your team."),
    lineItems: z.array(lineItemDraftInput).min(1, { error: "Add at least one line item." }).max(50),
  })
  .refine((o) => o.advertiserId || o.newAdvertiser, {
    error: "Choose an advertiser or create a new one.",
    path: ["advertiserId"],
  });
export type createManualOrderInput = z.input<typeof createManualOrderInput>;

/** Seed 000: a manual order is approved the moment it is created, with its inventory reserved. */
export async function createManualOrder(ctx: Ctx, input: createManualOrderInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers create orders.");
  const data = createManualOrderInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, actor.publisherId));
    const [property] = await tx
      .select()
      .from(properties)
      .where(and(eq(properties.id, data.propertyId), eq(properties.publisherId, publisher.id)));
    if (!property)
      throw new Invalid("Choose one of your properties.", { propertyId: ["Choose one of your properties."] });
    if (data.salesManagerId) {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, data.salesManagerId), eq(memberships.publisherId, publisher.id)));
      if (!member)
        throw new Invalid("Choose someone on your team.", {
          salesManagerId: ["Choose someone on your team."],
        });
    }
    const today = calendarDayIn(ctx.now, publisher.timezone);
    const priced = await priceLineItems(tx, publisher.id, data.lineItems, {
      today,
      propertyId: property.id,
      allowRateOverride: true,
    });
    const advertiserId = data.advertiserId
      ? await existingAdvertiser(tx, publisher.id, data.advertiserId)
      : await newAdvertiser(tx, publisher.id, data.newAdvertiser!);
    const created = await insertOrder(tx, ctx, {
      publisherId: publisher.id,
      currency: publisher.currency,
      advertiserId,
      propertyId: property.id,
      name: data.name,
      source: "manual",
      status: "approved",
      salesManagerId: data.salesManagerId ?? actor.userId,
      prepayRequired: publisher.prepayRequired,
      lineItems: priced,
    });
    await notifyOrderParty(
      tx,
      { order: created.order, publisher, lineItems: created.lineItems },
      "advertiser",
      "order_approved",
    );
    return created;
  });
}

async function existingAdvertiser(tx: Transaction, publisherId: number, id: number) {
  const [row] = await tx
    .select({ id: advertisers.id })
    .from(advertisers)
    .where(and(eq(advertisers.id, id), eq(advertisers.publisherId, publisherId)));
  if (!row)
    throw new Invalid("Choose one of your advertisers.", {
      advertiserId: ["Choose one of your advertisers."],
    });
  return row.id;
}

async function newAdvertiser(
  tx: Transaction,
  publisherId: number,
  input: NonNullable<z.infer<typeof createManualOrderInput>["newAdvertiser"]>,
) {
  const [row] = await tx
    .insert(advertisers)
    .values({
      publisherId,
      company: input.company,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
    })
    .returning({ id: advertisers.id });
  return row.id;
}
