import { db, type Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";

/** What every verb runs with: who asks, which database handle, and what time it is. */
export type Ctx = { actor: Actor; db: Queryable; now: Date };

export function makeCtx(actor: Actor, overrides: Partial<Omit<Ctx, "actor">> = {}): Ctx {
  return { actor, db: overrides.db ?? db, now: overrides.now ?? new Date() };
}
