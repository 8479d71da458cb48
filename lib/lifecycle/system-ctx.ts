import type { Queryable } from "@/db";
import type { Ctx } from "@/lib/core/context";

/** The scheduler acts as "system": every automatic step is logged as such. */
export const systemCtx = (db: Queryable, now: Date): Ctx => ({ actor: { kind: "system" }, db, now });
