import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, creatives, lineItemCreatives, lineItems, orders } from "@/db/schema";
import type { ReviewStatus } from "./line-item-creative-state";
import { VersionGraph } from "./version-graph";

type CreativeRow = typeof creatives.$inferSelect;

export type CreativeAssignment = {
  lineItemId: number;
  orderId: number;
  orderName: string;
  zoneName: string;
  width: number | null;
  height: number | null;
};

type VersionRef = { id: number; version: number; reviewStatus: ReviewStatus };

/** A creative as the lists show it: where it serves and where it stands among its versions. */
export type CreativeListItem = Omit<CreativeRow, "filePath" | "publisherId" | "reviewedBy"> & {
  advertiser: { id: number; company: string };
  /** The line items it is linked to (for a superseded version: none). */
  assignments: CreativeAssignment[];
  /** The version it replaces, for "v2 replaces v1". */
  replaces: VersionRef | null;
  /** Line items of older versions that move to this one when it is approved. */
  takesOver: CreativeAssignment[];
  /** The newest version that replaces this one, approved or not. */
  newerVersion: VersionRef | null;
  /** The newer approved version serving in its place. */
  supersededBy: VersionRef | null;
};

const ref = (node: VersionRef | null | undefined): VersionRef | null =>
  node ? { id: node.id, version: node.version, reviewStatus: node.reviewStatus } : null;

/**
 * Adds assignments and version facts to creatives of one publisher, in three queries
 * whatever the number of rows; every query is scoped to that publisher.
 */
export async function withCreativeDetails(
  db: Queryable,
  publisherId: number,
  rows: { creative: CreativeRow; advertiser: { id: number; company: string } }[],
): Promise<CreativeListItem[]> {
  if (rows.length === 0) return [];
  const advertiserIds = [...new Set(rows.map((row) => row.creative.advertiserId))];
  const graph = new VersionGraph(
    await db
      .select({
        id: creatives.id,
        replacesId: creatives.replacesId,
        version: creatives.version,
        reviewStatus: creatives.reviewStatus,
      })
      .from(creatives)
      .where(and(eq(creatives.publisherId, publisherId), inArray(creatives.advertiserId, advertiserIds))),
  );
  const chains = new Map(
    rows.map(({ creative }) => [creative.id, graph.ancestors(creative.id).map((n) => n.id)]),
  );
  const ids = [...new Set([...chains.keys(), ...[...chains.values()].flat()])];
  const links = await db
    .select({
      creativeId: lineItemCreatives.creativeId,
      lineItemId: lineItems.id,
      orderId: orders.id,
      orderName: orders.name,
      zoneName: adZones.name,
      width: adZones.width,
      height: adZones.height,
    })
    .from(lineItemCreatives)
    .innerJoin(lineItems, eq(lineItems.id, lineItemCreatives.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .where(
      and(
        inArray(lineItemCreatives.creativeId, ids),
        eq(lineItems.publisherId, publisherId),
        eq(orders.publisherId, publisherId),
      ),
    )
    .orderBy(asc(orders.id), asc(lineItems.id));
  const linksOf = (creativeIds: number[]) =>
    links
      .filter((link) => creativeIds.includes(link.creativeId))
      .map(({ creativeId: _, ...assignment }) => assignment);

  return rows.map(({ creative, advertiser }) => {
    const { filePath: _f, publisherId: _p, reviewedBy: _r, ...rest } = creative;
    const olderIds = chains.get(creative.id) ?? [];
    const superseded = graph.supersededBy(creative.id);
    return {
      ...rest,
      advertiser,
      assignments: linksOf([creative.id]),
      replaces: ref(graph.ancestors(creative.id)[0]),
      takesOver: creative.reviewStatus === "approved" ? [] : linksOf(olderIds),
      newerVersion: ref(graph.newerVersion(creative.id)),
      supersededBy: ref(superseded),
    };
  });
}
