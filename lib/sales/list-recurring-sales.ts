import { type SQL, sql } from "drizzle-orm";
import { hasPermission } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { publisherTimeZone } from "./list-sale-payments";
import { orderOnZoneSql } from "./sale-sql";
import { salesListInput } from "./sales-filters";

export type RecurringOrderPayment = {
  orderId: number;
  createdAt: Date;
  status: string;
  total: number;
  currency: string;
  paymentSystem: string | null;
  /** The first order, the one the schedule repeats. */
  initial: boolean;
};

export type RecurringSaleRow = {
  id: number;
  templateOrderId: number;
  orderName: string;
  advertiserId: number;
  advertiser: string;
  status: "active" | "paused" | "processing" | "completed" | "failed";
  interval: string;
  paymentsTotal: number;
  paymentsRemaining: number;
  nextPaymentAt: Date | null;
  lastError: string | null;
  currency: string;
  total: number;
  createdAt: Date;
  orders: RecurringOrderPayment[];
};

/**
 * The Recurring orders tab: the publisher's recurring schedules, newest first, with
 * payments remaining, the next payment date and every order made within each (the
 * initial order first). `canManage` says whether the actor may pause, activate or
 * complete them (manage_recurring); the verbs check again.
 */
export async function listRecurringSales(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see Orders & Sales.");
  const data = salesListInput.parse(input);
  const parts: SQL[] = [
    sql`s.publisher_id = ${actor.publisherId}`,
    ...(data.advertiserId ? [sql`o.advertiser_id = ${data.advertiserId}`] : []),
    ...orderOnZoneSql(data),
  ];
  const where = sql.join(parts, sql` and `);
  const from = sql`recurring_schedules s join orders o on o.id = s.template_order_id join advertisers a on a.id = o.advertiser_id`;
  const dir = data.dir === "asc" ? sql`asc` : sql`desc`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    ctx.db.execute(sql`select s.id, s.template_order_id, o.name as order_name, o.advertiser_id, a.company as advertiser,
        s.status::text as status, s.interval::text as interval, s.payments_total, s.payments_remaining, s.next_payment_at,
        s.last_error, o.currency, o.total, s.created_at,
        (select coalesce(json_agg(json_build_object('orderId', g.id, 'createdAt', g.created_at, 'status', g.status,
            'total', g.total, 'currency', g.currency, 'initial', g.id = s.template_order_id,
            'paymentSystem', (select p.payment_system from payments p join invoices i on i.id = p.invoice_id
              where i.order_id = g.id order by p.created_at desc, p.id desc limit 1))
            order by g.id = s.template_order_id desc, g.created_at, g.id), '[]'::json)
          from orders g where g.publisher_id = s.publisher_id and (g.id = s.template_order_id
            or (g.source = 'recurring' and (g.recurring_schedule_id = s.id or g.duplicated_from = s.template_order_id)))
        ) as orders
      from ${from} where ${where}
      order by s.created_at ${dir}, s.id ${dir} limit ${data.pageSize} offset ${(data.page - 1) * data.pageSize}`),
    ctx.db.execute(sql`select count(*)::int as n from ${from} where ${where}`),
  ]);
  return {
    rows: rows.map((r): RecurringSaleRow => {
      const orders = (
        typeof r.orders === "string" ? JSON.parse(r.orders) : r.orders
      ) as RecurringOrderPayment[];
      return {
        id: Number(r.id),
        templateOrderId: Number(r.template_order_id),
        orderName: String(r.order_name),
        advertiserId: Number(r.advertiser_id),
        advertiser: String(r.advertiser),
        status: r.status as RecurringSaleRow["status"],
        interval: String(r.interval),
        paymentsTotal: Number(r.payments_total),
        paymentsRemaining: Number(r.payments_remaining),
        nextPaymentAt: r.next_payment_at ? new Date(r.next_payment_at as string) : null,
        lastError: (r.last_error as string | null) ?? null,
        currency: String(r.currency),
        total: Number(r.total),
        createdAt: new Date(r.created_at as string),
        orders: orders.map((g) => ({ ...g, createdAt: new Date(g.createdAt), total: Number(g.total) })),
      };
    }),
    total: Number(counted[0]?.n ?? 0),
    page: data.page,
    pageSize: data.pageSize,
    canManage: hasPermission(actor, "manage_recurring"),
    timeZone: await publisherTimeZone(ctx.db, actor.publisherId),
  };
}
