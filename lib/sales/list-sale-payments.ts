import { eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { refundedSql, saleConfirmedSql, saleManagerSql, salesFrom, salesWhere } from "./sale-sql";
import { salesListInput } from "./sales-filters";

export type SalePaymentRow = {
  id: number;
  invoiceId: number;
  invoiceNumber: number;
  orderId: number;
  orderName: string;
  advertiserId: number;
  advertiser: string;
  createdAt: Date;
  receivedOn: string | null;
  amount: number;
  currency: string;
  paymentSystem: string;
  fee: number;
  fundsCredited: number;
  oneClick: boolean;
  status: "processing" | "completed" | "declined" | "refunded";
  /** Portion of the order this payment covers, in basis points (10000 = 100%). */
  basisPoints: number;
  comment: string | null;
  /** Refunded so far, net of reversals. */
  refunded: number;
  /** The sales manager (null: the system). */
  managerId: number | null;
  managerName: string | null;
  confirmed: boolean;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  /** Who recorded the payment when that was a staff member (the default manager in Check). */
  recordedById: number | null;
};

export const salePaymentSelect = sql`p.id, p.invoice_id, i.number as invoice_number, o.id as order_id, o.name as order_name,
  o.advertiser_id, a.company as advertiser, p.created_at, p.received_on::text as received_on, p.amount, p.currency,
  p.payment_system, p.fee, p.funds_credited, p.one_click, p.status::text as status, p.payment_basis_points,
  p.comment, ${refundedSql} as refunded, ${saleManagerSql} as manager_id,
  (select u.name from users u where u.id = ${saleManagerSql}) as manager_name, ${saleConfirmedSql} as confirmed,
  sc.confirmed_at, (select u.name from users u where u.id = sc.confirmed_by) as confirmed_by_name,
  case when rm.user_id is not null then p.created_by end as recorded_by_id`;

const num = (v: unknown) => Number(v ?? 0);
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function toSalePaymentRow(r: Record<string, unknown>): SalePaymentRow {
  return {
    id: num(r.id),
    invoiceId: num(r.invoice_id),
    invoiceNumber: num(r.invoice_number),
    orderId: num(r.order_id),
    orderName: String(r.order_name),
    advertiserId: num(r.advertiser_id),
    advertiser: String(r.advertiser),
    createdAt: date(r.created_at) as Date,
    receivedOn: (r.received_on as string | null) ?? null,
    amount: num(r.amount),
    currency: String(r.currency),
    paymentSystem: String(r.payment_system),
    fee: num(r.fee),
    fundsCredited: num(r.funds_credited),
    oneClick: r.one_click === true,
    status: r.status as SalePaymentRow["status"],
    basisPoints: num(r.payment_basis_points),
    comment: (r.comment as string | null) ?? null,
    refunded: num(r.refunded),
    managerId: r.manager_id === null || r.manager_id === undefined ? null : num(r.manager_id),
    managerName: (r.manager_name as string | null) ?? null,
    confirmed: r.confirmed === true,
    confirmedAt: date(r.confirmed_at),
    confirmedByName: (r.confirmed_by_name as string | null) ?? null,
    recordedById: r.recorded_by_id === null || r.recorded_by_id === undefined ? null : num(r.recorded_by_id),
  };
}

export async function publisherTimeZone(db: Queryable, publisherId: number): Promise<string> {
  const [row] = await db
    .select({ tz: publishers.timezone })
    .from(publishers)
    .where(eq(publishers.id, publisherId));
  return row?.tz ?? "UTC";
}

/**
 * The Payments tab of Orders & Sales: every payment attempt of the publisher's orders
 * (completed, processing, declined, refunded), newest first, filtered and paged in SQL.
 */
export async function listSalePayments(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see Orders & Sales.");
  const data = salesListInput.parse(input);
  const timeZone = await publisherTimeZone(ctx.db, actor.publisherId);
  const where = salesWhere(actor.publisherId, data, timeZone);
  const sortColumn = data.sort === "amount" ? sql`p.amount` : sql`p.created_at`;
  const dir = data.dir === "asc" ? sql`asc` : sql`desc`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    ctx.db.execute(sql`select ${salePaymentSelect} from ${salesFrom} where ${where}
      order by ${sortColumn} ${dir}, p.id ${dir} limit ${data.pageSize} offset ${(data.page - 1) * data.pageSize}`),
    ctx.db.execute(sql`select count(*)::int as n from ${salesFrom} where ${where}`),
  ]);
  return {
    rows: rows.map(toSalePaymentRow),
    total: num(counted[0]?.n),
    page: data.page,
    pageSize: data.pageSize,
    sort: data.sort === "amount" ? ("amount" as const) : ("createdAt" as const),
    dir: data.dir,
    timeZone,
  };
}

/** Every payment of these orders (the expanded rows of All orders), oldest first. */
export async function paymentsOfOrders(db: Queryable, publisherId: number, orderIds: number[], extra?: SQL) {
  if (orderIds.length === 0) return new Map<number, SalePaymentRow[]>();
  const { rows } = await db.execute(sql`select ${salePaymentSelect} from ${salesFrom}
    where p.publisher_id = ${publisherId} and o.id in (${sql.join(
      orderIds.map((id) => sql`${id}`),
      sql`, `,
    )}) ${extra ? sql`and ${extra}` : sql``}
    order by p.created_at, p.id`);
  const out = new Map<number, SalePaymentRow[]>();
  for (const row of rows.map(toSalePaymentRow)) {
    const list = out.get(row.orderId) ?? [];
    list.push(row);
    out.set(row.orderId, list);
  }
  return out;
}
