import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { balanceDue, type LedgerSums } from "@/lib/money/owed";
import { paymentsOfOrders, publisherTimeZone, type SalePaymentRow } from "./list-sale-payments";
import {
  orderDateConditions,
  orderOnZoneSql,
  partialOrderSql,
  paymentConditions,
  paymentsFrom,
} from "./sale-sql";
import { salesListInput } from "./sales-filters";

/** Seed 003's order statuses in Orders & Sales, from its invoices and payments. */
export type SaleOrderStatus = "open" | "completed" | "declined" | "refund";

export type SaleLineItem = {
  zone: string;
  property: string;
  model: "cpm" | "cpc" | "cpd";
  rate: number;
  quantity: number;
  amount: number;
};

export type SaleOrderRow = {
  id: number;
  createdAt: Date;
  name: string;
  advertiserId: number;
  advertiser: string;
  /** The order's lifecycle status (approved, live, canceled …). */
  orderStatus: string;
  /** For the row's actions: refused if the order changed since the page was shown. */
  version: number;
  /** Has partial payments: an invoice partially paid or with more than one payment. */
  partial: boolean;
  currency: string;
  total: number;
  lineItems: SaleLineItem[];
  paid: number;
  refunded: number;
  balanceDue: number;
  saleStatus: SaleOrderStatus;
  payments: SalePaymentRow[];
};

/**
 * What seed 003 calls the order's status: Refund once money went back, Completed when
 * nothing is left to pay, Declined when the last attempt failed, otherwise Open.
 */
export function saleOrderStatus(sums: LedgerSums, payments: SalePaymentRow[]): SaleOrderStatus {
  if (sums.refunded > 0) return "refund";
  if (sums.paid > 0 && balanceDue(sums) <= 0) return "completed";
  if (payments.at(-1)?.status === "declined") return "declined";
  return "open";
}

/**
 * The All orders tab of Orders & Sales: the publisher's regular (not recurring) orders that
 * have been invoiced, newest first, each with its invoices' payments for the expanded row.
 * The payment filters (system, status, manager, confirmation) keep orders with at least
 * one such payment; the dates are the day the order was created.
 */
export async function listSaleOrders(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see Orders & Sales.");
  const data = salesListInput.parse(input);
  const timeZone = await publisherTimeZone(ctx.db, actor.publisherId);
  const paymentParts = paymentConditions(data, timeZone, false);
  const parts: SQL[] = [
    sql`o.publisher_id = ${actor.publisherId}`,
    sql`o.source <> 'recurring'`,
    sql`exists (select 1 from invoices iv where iv.order_id = o.id)`,
    ...(data.advertiserId ? [sql`o.advertiser_id = ${data.advertiserId}`] : []),
    ...orderOnZoneSql(data),
    ...orderDateConditions(data, timeZone),
    ...(data.paymentType === "partial" ? [partialOrderSql()] : []),
    ...(data.paymentType === "single" ? [sql`not ${partialOrderSql()}`] : []),
  ];
  if (paymentParts.length > 0) {
    parts.push(
      sql`exists (select 1 from ${paymentsFrom} where i.order_id = o.id and ${sql.join(paymentParts, sql` and `)})`,
    );
  }
  const where = sql.join(parts, sql` and `);
  const sortColumn = data.sort === "total" ? sql`o.total` : sql`o.created_at`;
  const dir = data.dir === "asc" ? sql`asc` : sql`desc`;
  const from = sql`orders o join advertisers adv on adv.id = o.advertiser_id`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    ctx.db.execute(sql`select o.id, o.created_at, o.name, o.advertiser_id, adv.company as advertiser, o.currency, o.total, o.status, o.version,
        ${partialOrderSql()} as partial,
        (select coalesce(json_agg(json_build_object('zone', z.name, 'property', pr.name, 'model', li.model,
           'rate', li.rate, 'quantity', li.quantity, 'amount', li.amount) order by li.id), '[]'::json)
         from line_items li join ad_zones z on z.id = li.zone_id join properties pr on pr.id = z.property_id
         where li.order_id = o.id) as line_items
      from ${from} where ${where}
      order by ${sortColumn} ${dir}, o.id ${dir} limit ${data.pageSize} offset ${(data.page - 1) * data.pageSize}`),
    ctx.db.execute(sql`select count(*)::int as n from ${from} where ${where}`),
  ]);
  const ids = rows.map((r) => Number(r.id));
  const [payments, sums] = await Promise.all([
    paymentsOfOrders(ctx.db, actor.publisherId, ids),
    ledgerSumsOf(ctx, actor.publisherId, ids),
  ]);
  return {
    rows: rows.map((r): SaleOrderRow => {
      const id = Number(r.id);
      const orderPayments = payments.get(id) ?? [];
      const s = sums.get(id) ?? { charged: 0, discounted: 0, adjusted: 0, credited: 0, paid: 0, refunded: 0 };
      const items = (
        typeof r.line_items === "string" ? JSON.parse(r.line_items) : r.line_items
      ) as SaleLineItem[];
      return {
        id,
        createdAt: new Date(r.created_at as string),
        name: String(r.name),
        advertiserId: Number(r.advertiser_id),
        advertiser: String(r.advertiser),
        orderStatus: String(r.status),
        version: Number(r.version),
        partial: r.partial === true || r.partial === "t",
        currency: String(r.currency),
        total: Number(r.total),
        lineItems: items.map((li) => ({
          ...li,
          rate: Number(li.rate),
          quantity: Number(li.quantity),
          amount: Number(li.amount),
        })),
        paid: s.paid,
        refunded: s.refunded,
        balanceDue: balanceDue(s),
        saleStatus: saleOrderStatus(s, orderPayments),
        payments: orderPayments,
      };
    }),
    total: Number(counted[0]?.n ?? 0),
    page: data.page,
    pageSize: data.pageSize,
    sort: data.sort === "total" ? ("total" as const) : ("createdAt" as const),
    dir: data.dir,
    timeZone,
  };
}

async function ledgerSumsOf(ctx: Ctx, publisherId: number, orderIds: number[]) {
  const out = new Map<number, LedgerSums>();
  if (orderIds.length === 0) return out;
  const { rows } = await ctx.db.execute(sql`select order_id, kind::text as kind,
      sum(case when reverses_id is null then amount else -amount end) as total
    from ledger_entries where publisher_id = ${publisherId}
      and order_id in (${sql.join(
        orderIds.map((id) => sql`${id}`),
        sql`, `,
      )})
    group by order_id, kind`);
  const key: Record<string, keyof LedgerSums> = {
    charge: "charged",
    discount: "discounted",
    adjustment: "adjusted",
    credit_note: "credited",
    payment: "paid",
    refund: "refunded",
  };
  for (const r of rows) {
    const id = Number(r.order_id);
    const sums = out.get(id) ?? { charged: 0, discounted: 0, adjusted: 0, credited: 0, paid: 0, refunded: 0 };
    const k = key[String(r.kind)];
    if (k) sums[k] = Number(r.total);
    out.set(id, sums);
  }
  return out;
}
