import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { publishers, users } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";

/** "Ada Lovelace · admin at Northwind Media", for the shell. */
export async function describeActor(db: Queryable, actor: Actor): Promise<string> {
  if (actor.kind !== "staff" && actor.kind !== "advertiser") return actor.kind;
  const [row] = await db
    .select({ name: users.name, publisher: publishers.name })
    .from(users)
    .innerJoin(publishers, eq(publishers.id, actor.publisherId))
    .where(eq(users.id, actor.userId));
  const role = actor.kind === "staff" ? actor.role.replace("_", " ") : "advertiser";
  return `${row?.name ?? "Signed in"} · ${role} at ${row?.publisher ?? ""}`;
}
