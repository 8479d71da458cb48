import { db, type Queryable } from "@/db";
import type { Actor } from "@/lib/core/actor";

/** What a public verb runs with (sign-in, sign-up, the media kit): the database, the time, and who asks if anyone. */
export type PublicCtx = { actor: Actor | null; db: Queryable; now: Date };

/** What every other verb runs with: someone is always asking. */
export type Ctx = PublicCtx & { actor: Actor };

export type CtxOverrides = Partial<Omit<PublicCtx, "actor">>;

export function makeCtx(actor: Actor, overrides: CtxOverrides = {}): Ctx {
  return { actor, db: overrides.db ?? db, now: overrides.now ?? new Date() };
}

export function makePublicCtx(actor: Actor | null, overrides: CtxOverrides = {}): PublicCtx {
  return { actor, db: overrides.db ?? db, now: overrides.now ?? new Date() };
}
