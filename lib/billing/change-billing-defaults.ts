import { eq } from "drizzle-orm";
import { z } from "zod";
import { publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { text } from "@/lib/core/validation";
import { fieldError, percentBasisPoints } from "./money-input";

export const changeBillingDefaultsInput = z.object({
  taxRate: text({ max: 10 }),
  taxId: text({ max: 60 }),
});

/** The publisher's invoice defaults: the tax rate included in its prices and the tax id printed. */
export async function changeBillingDefaults(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor);
  const data = changeBillingDefaultsInput.parse(input);
  const taxRateBasisPoints = percentBasisPoints(data.taxRate || "0", { allowZero: true });
  if (taxRateBasisPoints === null) {
    throw fieldError("taxRate", "Enter the tax rate as a percentage from 0 to 100, like 20 or 7.5.");
  }
  const [saved] = await ctx.db
    .update(publishers)
    .set({ taxRateBasisPoints, taxId: data.taxId })
    .where(eq(publishers.id, actor.publisherId))
    .returning();
  return saved;
}
