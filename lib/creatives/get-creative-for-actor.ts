import { and, eq, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, creatives } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { isId } from "@/lib/core/validation";
import { VersionGraph } from "./version-graph";

/**
 * Tenant (and, for advertisers, ownership) scoping in the WHERE clause: another
 * publisher's or advertiser's creative is indistinguishable from one that does not exist.
 */
export function creativeScope(actor: Actor): SQL | undefined {
  if (actor.kind === "system") return undefined;
  const tenant = eq(creatives.publisherId, actor.publisherId);
  return actor.kind === "advertiser" ? and(tenant, eq(creatives.advertiserId, actor.advertiserId)) : tenant;
}

/**
 * The creative with its advertiser's name and contact. With `lock`, the row is locked
 * for the rest of the transaction so reviews and replacements of it run one at a time.
 */
export async function getCreativeForActorOrThrow(
  db: Queryable,
  actor: Actor,
  creativeId: number,
  { lock = false }: { lock?: boolean } = {},
) {
  // An id no row can have (past 32 bits, say) is simply not found, never a database error.
  if (!isId(creativeId)) throw new NotFound(`Creative #${creativeId}`);
  const query = db
    .select({
      creative: creatives,
      advertiser: {
        id: advertisers.id,
        company: advertisers.company,
        contactEmail: advertisers.contactEmail,
      },
    })
    .from(creatives)
    .innerJoin(advertisers, eq(advertisers.id, creatives.advertiserId))
    .where(and(eq(creatives.id, creativeId), creativeScope(actor)));
  const [row] = lock ? await query.for("update", { of: creatives }) : await query;
  if (!row) throw new NotFound(`Creative #${creativeId}`);
  return row;
}

export type LoadedCreative = Awaited<ReturnType<typeof getCreativeForActorOrThrow>>;

/** Every version of every creative of one advertiser: chains never cross advertisers. */
export async function loadVersionGraph(db: Queryable, scope: { publisherId: number; advertiserId: number }) {
  const nodes = await db
    .select({
      id: creatives.id,
      replacesId: creatives.replacesId,
      version: creatives.version,
      reviewStatus: creatives.reviewStatus,
    })
    .from(creatives)
    .where(and(eq(creatives.publisherId, scope.publisherId), eq(creatives.advertiserId, scope.advertiserId)));
  return new VersionGraph(nodes);
}
