import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { quotes } from "@/db/schema";

/** The quote an order is waiting on: its latest one still `sent`. Scope the order first. */
export async function getOpenQuote(db: Queryable, orderId: number) {
  const [quote] = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.orderId, orderId), eq(quotes.status, "sent")))
    .orderBy(desc(quotes.id))
    .limit(1);
  return quote ?? null;
}
