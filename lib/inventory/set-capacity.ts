import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { inventoryDays } from "@/db/schema";
import { isCalendarDay } from "@/lib/core/days";
import { invalidField } from "@/lib/core/errors";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import { normalizeCountries } from "./normalize-countries";

export type SetCapacityInput = { zoneId: number; country: string; day: string; capacity: number };

/**
 * Sets one day's capacity for a zone and country (creating the day if it had none).
 * Refuses to go below what is already reserved: the sold inventory must stay
 * deliverable. The row is locked by the upsert, so a concurrent reservation either
 * lands before the check or waits for the new capacity.
 */
export async function setCapacity(
  tx: Queryable,
  input: SetCapacityInput,
): Promise<{ capacity: number; reserved: number }> {
  const zoneId = requireWholeNumber("zoneId", input.zoneId);
  const [country] = normalizeCountries([input.country], "country");
  if (!isCalendarDay(input.day)) throw invalidField("day", "Enter the day as YYYY-MM-DD.");
  const capacity = requireWholeNumber("capacity", input.capacity, { min: 0 });

  const [row] = await tx
    .insert(inventoryDays)
    .values({ zoneId, country, day: input.day, capacity })
    .onConflictDoUpdate({
      target: [inventoryDays.zoneId, inventoryDays.country, inventoryDays.day],
      set: { capacity },
      setWhere: sql`${inventoryDays.reserved} <= ${capacity}`,
    })
    .returning({ capacity: inventoryDays.capacity, reserved: inventoryDays.reserved });
  if (row) return row;

  const [current] = await tx
    .select({ reserved: inventoryDays.reserved })
    .from(inventoryDays)
    .where(
      and(
        eq(inventoryDays.zoneId, zoneId),
        eq(inventoryDays.country, country),
        eq(inventoryDays.day, input.day),
      ),
    );
  throw invalidField(
    "capacity",
    `${current.reserved.toLocaleString("en-US")} units are already reserved on ${input.day} in ${country}; ` +
      "the capacity cannot be lower than that.",
  );
}
