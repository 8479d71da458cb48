import { type SQL, sql } from "drizzle-orm";
import type { salesFilters } from "./sales-filters";

/**
 * The pieces of SQL every Orders & Sales query shares, over `payments p` joined to its
 * invoice `i`, order `o`, confirmation `sc` and the recorder's membership `rm`
 * (salesFrom). Who made a sale: the manager a confirmation names (null: the system), or
 * until it is confirmed, the staff member who recorded the payment; a payment made online
 * by the advertiser or charged by a recurring schedule is a system sale.
 */
export const saleManagerSql = sql`(case when sc.id is not null then sc.manager_user_id when rm.user_id is not null then p.created_by end)`;

export const saleConfirmedSql = sql`(sc.confirmed_at is not null)`;

/** Refunds booked against a payment, net of their reversals. */
export const refundedSql = sql`(select coalesce(sum(case when le.reverses_id is null then le.amount else -le.amount end), 0)
  from ledger_entries le where le.payment_id = p.id and le.kind = 'refund')`;

/**
 * What a payment brought in: its amount, less a reversal of its ledger entry (a payment
 * booked in error and reversed brought in nothing).
 */
export const receivedSql = sql`(p.amount - (select coalesce(sum(le.amount), 0)
  from ledger_entries le where le.payment_id = p.id and le.kind = 'payment' and le.reverses_id is not null))`;

/** A payment with its invoice, confirmation and recorder: what paymentConditions need. */
export const paymentsFrom = sql`payments p
  join invoices i on i.id = p.invoice_id
  left join sales_confirmations sc on sc.payment_id = p.id
  left join memberships rm on rm.user_id = p.created_by and rm.publisher_id = p.publisher_id`;

export const salesFrom = sql`${paymentsFrom}
  join orders o on o.id = i.order_id
  join advertisers a on a.id = o.advertiser_id`;

const startOfDay = (day: string, timeZone: string) =>
  sql`((${day})::date)::timestamp at time zone ${timeZone}`;
const startOfNextDay = (day: string, timeZone: string) =>
  sql`((${day})::date + 1)::timestamp at time zone ${timeZone}`;

/** The order has a line item on the zone, or on a zone of the property. */
export function orderOnZoneSql(filters: Pick<salesFilters, "zoneId" | "propertyId">, order = sql`o`): SQL[] {
  const out: SQL[] = [];
  if (filters.zoneId) {
    out.push(
      sql`exists (select 1 from line_items li where li.order_id = ${order}.id and li.zone_id = ${filters.zoneId})`,
    );
  }
  if (filters.propertyId) {
    out.push(sql`exists (select 1 from line_items li join ad_zones z on z.id = li.zone_id
      where li.order_id = ${order}.id and z.property_id = ${filters.propertyId})`);
  }
  return out;
}

/** The conditions on a payment (its day, system, status, manager, confirmation). */
export function paymentConditions(filters: salesFilters, timeZone: string, withDays = true): SQL[] {
  const out: SQL[] = [];
  if (withDays && filters.from) out.push(sql`p.created_at >= ${startOfDay(filters.from, timeZone)}`);
  if (withDays && filters.to) out.push(sql`p.created_at < ${startOfNextDay(filters.to, timeZone)}`);
  if (filters.paymentSystem) out.push(sql`p.payment_system = ${filters.paymentSystem}`);
  if (filters.status) out.push(sql`p.status = ${filters.status}`);
  if (filters.salesManager === "system") out.push(sql`${saleManagerSql} is null`);
  else if (filters.salesManager) out.push(sql`${saleManagerSql} = ${filters.salesManager}`);
  if (filters.confirmed === "yes") out.push(saleConfirmedSql);
  if (filters.confirmed === "no") out.push(sql`not ${saleConfirmedSql}`);
  return out;
}

/** Every condition of the panel over salesFrom, tenant first. */
export function salesWhere(publisherId: number, filters: salesFilters, timeZone: string): SQL {
  const parts = [
    sql`p.publisher_id = ${publisherId}`,
    ...(filters.advertiserId ? [sql`o.advertiser_id = ${filters.advertiserId}`] : []),
    ...orderOnZoneSql(filters),
    ...paymentConditions(filters, timeZone),
  ];
  return sql.join(parts, sql` and `);
}

export const orderDateConditions = (filters: salesFilters, timeZone: string): SQL[] => [
  ...(filters.from ? [sql`o.created_at >= ${startOfDay(filters.from, timeZone)}`] : []),
  ...(filters.to ? [sql`o.created_at < ${startOfNextDay(filters.to, timeZone)}`] : []),
];

/**
 * The order has partial payments (seed 003 "Order payment type" → Partial): an invoice
 * that is not void and is partially paid or took more than one payment that went through.
 */
export const partialOrderSql = (order = sql`o`) => sql`exists (select 1 from invoices piv
  where piv.order_id = ${order}.id and piv.status <> 'void' and (piv.status = 'partially_paid'
    or (select count(*) from payments pp where pp.invoice_id = piv.id and pp.status in ('completed', 'refunded')) > 1))`;
