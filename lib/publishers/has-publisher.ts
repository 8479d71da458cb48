import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";

/** Whether this AdDesk has any publisher yet; without one, every page leads to /setup. */
export async function hasPublisher(db: Queryable): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM publishers) AS found`,
  );
  return rows[0].found;
}
