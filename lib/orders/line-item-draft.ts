import { z } from "zod";
import { priority } from "@/db/schema/enums";
import { calendarDay, id, lineItemQuantity, negotiatedRate } from "@/lib/core/validation";

const day = calendarDay();

/** One line item as someone configures it, before pricing. */
export const lineItemDraftInput = z
  .object({
    zoneId: id("Choose an ad zone."),
    countries: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, { error: "Use two-letter country codes." }),
      )
      .min(1, { error: "Choose at least one country." }),
    startDate: day,
    endDate: day,
    /** Impressions (CPM) or clicks (CPC); for CPD the days follow from the dates. */
    quantity: lineItemQuantity().optional(),
    /** A negotiated rate in minor units, replacing the rate card's. Staff only. */
    rate: negotiatedRate().optional(),
    priority: z.enum(priority.enumValues).default("normal"),
  })
  .refine((li) => li.startDate <= li.endDate, {
    error: "The end date must be on or after the start date.",
    path: ["endDate"],
  });
export type lineItemDraftInput = z.infer<typeof lineItemDraftInput>;
