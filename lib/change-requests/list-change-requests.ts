import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { changeRequests, orders, reservations, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import type { Shortfall } from "@/lib/core/errors";
import { cellKey } from "@/lib/inventory/cells-sql";
import { getAvailability } from "@/lib/inventory/get-availability";
import { planReservation } from "@/lib/inventory/plan-reservation";
import { orderScope } from "@/lib/orders/get-order-for-actor";
import type { PricingModel } from "@/lib/orders/types";
import type { PreviewRow, StoredProposal } from "./proposal";

export type RowAvailability = {
  /** Every day and country of the new terms fits in what is free now (plus what the line item already holds). */
  fits: boolean;
  /** The days and countries that would fall short, first few. */
  short: Shortfall[];
};

export type ChangeRequestView = {
  id: number;
  side: "publisher" | "advertiser";
  status: "open" | "accepted" | "declined" | "countered" | "withdrawn";
  /** Open, but the order changed since it was made: it can no longer be accepted. */
  stale: boolean;
  note: string;
  proposedByName: string;
  createdAt: Date;
  answeredAt: Date | null;
  answerComment: string | null;
  counterOf: number | null;
  amountBefore: number;
  amountAfter: number;
  rows: (PreviewRow & { availability: RowAvailability | null })[];
  /** The proposal's edits, for pre-filling a counter-proposal. */
  proposal: StoredProposal;
};

/**
 * An order's change requests, newest first, each with its side-by-side rows; an open one
 * that can still be accepted also shows live availability for its new terms. The order is
 * scoped to the actor (tenant, and the advertiser's own) in the WHERE clause.
 */
export async function listChangeRequests(
  db: Queryable,
  actor: StaffActor | AdvertiserActor,
  orderId: number,
): Promise<{ requests: ChangeRequestView[]; open: ChangeRequestView | null }> {
  const rows = await db
    .select({ request: changeRequests, author: users.name, version: orders.version })
    .from(changeRequests)
    .innerJoin(orders, eq(orders.id, changeRequests.orderId))
    .innerJoin(users, eq(users.id, changeRequests.proposedBy))
    .where(
      and(
        eq(changeRequests.orderId, orderId),
        eq(changeRequests.publisherId, actor.publisherId),
        orderScope(actor),
      ),
    )
    .orderBy(desc(changeRequests.id));
  const requests: ChangeRequestView[] = [];
  for (const { request, author, version } of rows) {
    const proposal = request.proposal as StoredProposal;
    const stale = request.status === "open" && request.baseVersion !== version;
    const live = request.status === "open" && !stale;
    const previewRows = proposal.preview?.rows ?? [];
    requests.push({
      id: request.id,
      side: request.side,
      status: request.status,
      stale,
      note: request.note,
      proposedByName: author,
      createdAt: request.createdAt,
      answeredAt: request.answeredAt,
      answerComment: request.answerComment,
      counterOf: request.counterOf,
      amountBefore: request.amountBefore,
      amountAfter: request.amountAfter,
      rows: await Promise.all(
        previewRows.map(async (row) => ({
          ...row,
          availability: live && row.after ? await rowAvailability(db, row) : null,
        })),
      ),
      proposal,
    });
  }
  return { requests, open: requests.find((r) => r.status === "open") ?? null };
}

async function rowAvailability(db: Queryable, row: PreviewRow): Promise<RowAvailability | null> {
  const after = row.after!;
  if (row.model === "cpc") return null;
  const wanted = planReservation({
    zoneId: row.zoneId,
    model: row.model as PricingModel,
    quantity: after.quantity,
    countries: after.countries,
    startDate: after.startDate,
    endDate: after.endDate,
  });
  const { days } = await getAvailability(db, {
    zoneId: row.zoneId,
    countries: after.countries,
    from: after.startDate,
    to: after.endDate,
  });
  const held = new Map<string, number>();
  if (row.lineItemId) {
    const mine = await db
      .select({
        zoneId: reservations.zoneId,
        country: reservations.country,
        day: reservations.day,
        units: reservations.units,
      })
      .from(reservations)
      .where(eq(reservations.lineItemId, row.lineItemId));
    for (const r of mine) held.set(cellKey(r), r.units);
  }
  const free = new Map(days.map((d) => [d.day, d.byCountry]));
  const short: Shortfall[] = [];
  for (const cell of wanted) {
    const available = (free.get(cell.day)?.[cell.country]?.available ?? 0) + (held.get(cellKey(cell)) ?? 0);
    if (cell.units > available)
      short.push({ day: cell.day, country: cell.country, requested: cell.units, available });
  }
  return { fits: short.length === 0, short: short.slice(0, 5) };
}
