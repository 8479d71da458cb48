import { z } from "zod";
import { priority } from "@/db/schema/enums";

const day = z.iso.date({ error: "Enter a date as YYYY-MM-DD." });

/** One line item as someone configures it, before pricing. */
export const lineItemDraftInput = z
  .object({
    zoneId: z.coerce.number({ error: "Choose an ad zone." }).int().positive({ error: "Choose an ad zone." }),
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
    quantity: z.coerce
      .number({ error: "Enter a quantity." })
      .int({ error: "Enter a whole number." })
      .positive({ error: "The quantity must be at least 1." })
      .max(10_000_000_000, { error: "That quantity is too large." })
      .optional(),
    /** A negotiated rate in minor units, replacing the rate card's. Staff only. */
    rate: z.coerce.number().int().min(0, { error: "The rate cannot be negative." }).optional(),
    priority: z.enum(priority.enumValues).default("normal"),
  })
  .refine((li) => li.startDate <= li.endDate, {
    error: "The end date must be on or after the start date.",
    path: ["endDate"],
  });
export type lineItemDraftInput = z.infer<typeof lineItemDraftInput>;
