import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { advertiserUsers, invitations, orders, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaff } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { advertiserMoneyLateral } from "./advertiser-money-sql";

export const getAdvertiserCardInput = z.object({ advertiserId: id() });

const recentOrders = 20;

/**
 * Seed 003's customer card: the company and its contact, the people who use its portal
 * account (and invitations waiting), its latest orders and its money with the desk.
 */
export async function getAdvertiserCard(ctx: Ctx, input: z.input<typeof getAdvertiserCardInput>) {
  const { publisherId } = requireStaff(ctx.actor);
  const { advertiserId } = getAdvertiserCardInput.parse(input);
  const { rows } = await ctx.db.execute<{
    id: number;
    company: string;
    contact_name: string;
    contact_email: string;
    phone: string | null;
    created_at: string;
    spend: string | null;
    balance: string | null;
    order_count: string;
  }>(sql`
    SELECT a.id, a.company, a.contact_name, a.contact_email, a.phone, a.created_at,
      m.spend, m.balance,
      (SELECT count(*) FROM orders o WHERE o.publisher_id = a.publisher_id AND o.advertiser_id = a.id) AS order_count
    FROM advertisers a
    ${advertiserMoneyLateral}
    WHERE a.id = ${advertiserId} AND a.publisher_id = ${publisherId}`);
  const advertiser = rows[0];
  if (!advertiser) throw new NotFound("That advertiser");
  const [people, pending, latest] = await Promise.all([
    ctx.db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        deactivatedAt: advertiserUsers.deactivatedAt,
        since: advertiserUsers.createdAt,
      })
      .from(advertiserUsers)
      .innerJoin(users, eq(users.id, advertiserUsers.userId))
      .where(eq(advertiserUsers.advertiserId, advertiserId))
      .orderBy(asc(users.name)),
    ctx.db
      .select({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          eq(invitations.publisherId, publisherId),
          eq(invitations.advertiserId, advertiserId),
          isNull(invitations.acceptedAt),
        ),
      )
      .orderBy(desc(invitations.createdAt)),
    ctx.db
      .select({
        id: orders.id,
        name: orders.name,
        status: orders.status,
        total: orders.total,
        currency: orders.currency,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(and(eq(orders.publisherId, publisherId), eq(orders.advertiserId, advertiserId)))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(recentOrders),
  ]);
  return {
    advertiser: {
      id: advertiser.id,
      company: advertiser.company,
      contactName: advertiser.contact_name,
      contactEmail: advertiser.contact_email,
      phone: advertiser.phone,
      createdAt: new Date(advertiser.created_at),
    },
    money: { spend: Number(advertiser.spend ?? 0), balance: Number(advertiser.balance ?? 0) },
    orderCount: Number(advertiser.order_count),
    people,
    pending,
    latest,
  };
}
