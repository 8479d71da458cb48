import { z } from "zod";
import { priority } from "@/db/schema/enums";
import { calendarDay, id, wholeNumber } from "@/lib/core/validation";

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
    quantity: wholeNumber({
      min: 1,
      max: 10_000_000_000,
      invalid: "Enter the quantity as a whole number.",
      tooSmall: "The quantity must be at least 1.",
      tooLarge: "That quantity is too large.",
    }).optional(),
    /** A negotiated rate in minor units, replacing the rate card's. Staff only. */
    rate: wholeNumber({
      min: 0,
      invalid: "Enter the rate in minor units, as a whole number.",
      tooSmall: "The rate cannot be negative.",
    }).optional(),
    priority: z.enum(priority.enumValues).default("normal"),
  })
  .refine((li) => li.startDate <= li.endDate, {
    error: "The end date must be on or after the start date.",
    path: ["endDate"],
  });
export type lineItemDraftInput = z.infer<typeof lineItemDraftInput>;
