import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/core/context";
import type { ListParams } from "@/lib/core/list-params";
import { requireStaff } from "@/lib/core/require-actor";
import { advertiserMoneyLateral } from "./advertiser-money-sql";

export const advertiserSorts = ["company", "orders", "spend", "lastOrder"] as const;
export type AdvertiserSort = (typeof advertiserSorts)[number];

export type AdvertiserRow = {
  id: number;
  company: string;
  contactName: string;
  contactEmail: string;
  orders: number;
  /** Billed net of discounts and credit notes, in minor units. */
  spend: number;
  /** What the advertiser owes across its orders (negative: owed to them). */
  balance: number;
  lastOrderAt: Date | null;
};

const orderBy: Record<AdvertiserSort, string> = {
  company: "lower(a.company)",
  orders: "orders",
  spend: "spend",
  lastOrder: "last_order_at",
};

/**
 * The desk's advertisers with what each has booked: orders, spend (from the ledger, so
 * credit notes and discounts count), balance and last order. Search matches the company,
 * contact name or email. One publisher's rows only.
 */
export async function listAdvertisers(ctx: Ctx, params: ListParams<AdvertiserSort>) {
  const { publisherId } = requireStaff(ctx.actor);
  const search = params.q ? `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`a.publisher_id = ${publisherId} ${
    search
      ? sql`AND (a.company ILIKE ${search} OR a.contact_name ILIKE ${search} OR a.contact_email ILIKE ${search})`
      : sql``
  }`;
  const direction = params.sort.dir === "desc" ? sql.raw("DESC NULLS LAST") : sql.raw("ASC NULLS FIRST");
  const { rows } = await ctx.db.execute<{
    id: number;
    company: string;
    contact_name: string;
    contact_email: string;
    orders: string;
    spend: string;
    balance: string;
    last_order_at: string | null;
  }>(sql`
    SELECT a.id, a.company, a.contact_name, a.contact_email,
      (SELECT count(*) FROM orders o WHERE o.publisher_id = a.publisher_id AND o.advertiser_id = a.id) AS orders,
      coalesce(m.spend, 0) AS spend,
      coalesce(m.balance, 0) AS balance,
      (SELECT max(o.created_at) FROM orders o
        WHERE o.publisher_id = a.publisher_id AND o.advertiser_id = a.id) AS last_order_at
    FROM advertisers a
    ${advertiserMoneyLateral}
    WHERE ${where}
    ORDER BY ${sql.raw(orderBy[params.sort.id])} ${direction}, a.id
    LIMIT ${params.pageSize} OFFSET ${params.offset}`);
  const [{ total }] = (
    await ctx.db.execute<{ total: string }>(sql`SELECT count(*) AS total FROM advertisers a WHERE ${where}`)
  ).rows;
  return {
    total: Number(total),
    rows: rows.map(
      (r): AdvertiserRow => ({
        id: r.id,
        company: r.company,
        contactName: r.contact_name,
        contactEmail: r.contact_email,
        orders: Number(r.orders),
        spend: Number(r.spend),
        balance: Number(r.balance),
        lastOrderAt: r.last_order_at ? new Date(r.last_order_at) : null,
      }),
    ),
  };
}
