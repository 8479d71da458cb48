import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import type { CsvValue } from "@/lib/format/to-csv";
import { allocate } from "@/lib/money/allocate";
import { publisherTimeZone } from "./list-sale-payments";
import {
  receivedSql,
  refundedSql,
  saleConfirmedSql,
  saleManagerSql,
  salesFrom,
  salesWhere,
} from "./sale-sql";
import { salesFilters, salesReportKinds } from "./sales-filters";

export const salesReportSorts = [
  "label",
  "currency",
  "payments",
  "received",
  "refunded",
  "net",
  "fees",
  "credited",
] as const;
export type SalesReportSort = (typeof salesReportSorts)[number];

export const reportSalesInput = salesFilters.extend({
  by: z.enum(salesReportKinds, { error: "Choose a report: system, zone, property or manager." }),
  sort: z.enum(salesReportSorts).default("net"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type reportSalesInput = z.input<typeof reportSalesInput>;

/**
 * One line of a sales report, in minor units of its currency. A sale is a payment that
 * went through (completed, or completed and later refunded). `received` is what those
 * payments brought in (net of reversed transactions), `refunded` what went back,
 * `net` = received − refunded (the totals "excluding refunds"), `fees` the payment
 * systems' commission and `credited` = net − fees, what the publisher keeps.
 */
export type SalesReportRow = {
  key: string;
  label: string;
  currency: string;
  payments: number;
  received: number;
  refunded: number;
  net: number;
  fees: number;
  credited: number;
};

type Sale = {
  id: number;
  orderId: number;
  currency: string;
  paymentSystem: string;
  received: number;
  refunded: number;
  fees: number;
  managerId: number | null;
  managerName: string | null;
  confirmed: boolean;
};

type Bucket = { key: string; label: string };

/**
 * The Orders & Sales reports (seed 003): sales by payment system and currency, by zone
 * (offer), by property (category) or by sales manager (confirmed sales only), with the
 * panel's filters, sorted by any column, a total per currency. A payment for an order
 * with several line items is spread over their zones in proportion to their amounts,
 * exactly (lib/money/allocate.ts), so the zone and property reports add up to the
 * payment-system report.
 */
export async function reportSales(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see Orders & Sales.");
  const data = reportSalesInput.parse(input);
  const timeZone = await publisherTimeZone(ctx.db, actor.publisherId);
  const where = salesWhere(actor.publisherId, data, timeZone);
  const { rows } = await ctx.db.execute(sql`select p.id, o.id as order_id, p.currency, p.payment_system,
      ${receivedSql} as received,
      ${refundedSql} as refunded, p.fee, ${saleManagerSql} as manager_id,
      (select u.name from users u where u.id = ${saleManagerSql}) as manager_name, ${saleConfirmedSql} as confirmed
    from ${salesFrom}
    where ${where} and p.status in ('completed', 'refunded')
    order by p.id`);
  const sales: Sale[] = rows.map((r) => {
    const received = Number(r.received);
    return {
      id: Number(r.id),
      orderId: Number(r.order_id),
      currency: String(r.currency),
      paymentSystem: String(r.payment_system),
      received,
      refunded: Number(r.refunded),
      // A payment whose transaction was reversed brought nothing in, nor cost a fee.
      fees: received > 0 ? Number(r.fee) : 0,
      managerId: r.manager_id === null || r.manager_id === undefined ? null : Number(r.manager_id),
      managerName: (r.manager_name as string | null) ?? null,
      confirmed: r.confirmed === true,
    };
  });

  const lines = new Map<string, SalesReportRow>();
  const add = (
    bucket: Bucket,
    currency: string,
    part: Pick<Sale, "received" | "refunded" | "fees">,
    count: number,
  ) => {
    const key = `${bucket.key}|${currency}`;
    const line = lines.get(key) ?? {
      key,
      label: bucket.label,
      currency,
      payments: 0,
      received: 0,
      refunded: 0,
      net: 0,
      fees: 0,
      credited: 0,
    };
    line.payments += count;
    line.received += part.received;
    line.refunded += part.refunded;
    line.fees += part.fees;
    line.net = line.received - line.refunded;
    line.credited = line.net - line.fees;
    lines.set(key, line);
  };

  if (data.by === "system") {
    for (const s of sales) add({ key: s.paymentSystem, label: s.paymentSystem }, s.currency, s, 1);
  } else if (data.by === "manager") {
    for (const s of sales.filter((x) => x.confirmed)) {
      const bucket =
        s.managerId === null
          ? { key: "system", label: "System" }
          : { key: `user:${s.managerId}`, label: s.managerName ?? `User #${s.managerId}` };
      add(bucket, s.currency, s, 1);
    }
  } else {
    const shares = await lineItemShares(ctx, actor.publisherId, [...new Set(sales.map((s) => s.orderId))]);
    for (const s of sales) {
      const items = (shares.get(s.orderId) ?? []).filter((li) => li.amount > 0);
      if (items.length === 0) {
        add({ key: "none", label: "No line items" }, s.currency, s, 1);
        continue;
      }
      const ratios = items.map((li) => li.amount);
      const received = allocate(s.received, ratios);
      const refunded = allocate(s.refunded, ratios);
      const fees = allocate(s.fees, ratios);
      // Several line items on one zone are one zone: the payment counts once per bucket.
      const seen = new Set<string>();
      items.forEach((li, i) => {
        const bucket =
          data.by === "zone"
            ? { key: `zone:${li.zoneId}`, label: `${li.zone} · ${li.property}` }
            : { key: `property:${li.propertyId}`, label: li.property };
        const first = !seen.has(bucket.key);
        seen.add(bucket.key);
        add(
          bucket,
          s.currency,
          { received: received[i], refunded: refunded[i], fees: fees[i] },
          first ? 1 : 0,
        );
      });
    }
  }

  const dir = data.dir === "asc" ? 1 : -1;
  const sorted = [...lines.values()].sort((a, b) => {
    const x = a[data.sort];
    const y = b[data.sort];
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.key.localeCompare(b.key) : order * dir;
  });

  // Totals per currency: never add dollars to euros.
  const totals = new Map<string, SalesReportRow>();
  for (const s of data.by === "manager" ? sales.filter((x) => x.confirmed) : sales) {
    const t = totals.get(s.currency) ?? {
      key: `total|${s.currency}`,
      label: "Total",
      currency: s.currency,
      payments: 0,
      received: 0,
      refunded: 0,
      net: 0,
      fees: 0,
      credited: 0,
    };
    t.payments += 1;
    t.received += s.received;
    t.refunded += s.refunded;
    t.fees += s.fees;
    t.net = t.received - t.refunded;
    t.credited = t.net - t.fees;
    totals.set(s.currency, t);
  }
  return {
    by: data.by,
    sort: data.sort,
    dir: data.dir,
    rows: sorted,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

async function lineItemShares(ctx: Ctx, publisherId: number, orderIds: number[]) {
  const out = new Map<
    number,
    { zoneId: number; zone: string; propertyId: number; property: string; amount: number }[]
  >();
  if (orderIds.length === 0) return out;
  const { rows } = await ctx.db.execute(sql`select li.order_id, li.zone_id, z.name as zone, z.property_id,
      pr.name as property, li.amount
    from line_items li join ad_zones z on z.id = li.zone_id join properties pr on pr.id = z.property_id
    where li.publisher_id = ${publisherId} and li.order_id in (${sql.join(
      orderIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    order by li.order_id, li.id`);
  for (const r of rows) {
    const id = Number(r.order_id);
    const list = out.get(id) ?? [];
    list.push({
      zoneId: Number(r.zone_id),
      zone: String(r.zone),
      propertyId: Number(r.property_id),
      property: String(r.property),
      amount: Number(r.amount),
    });
    out.set(id, list);
  }
  return out;
}

function majorUnits(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export const salesReportFirstColumn = {
  system: "Payment system",
  zone: "Zone",
  property: "Property",
  manager: "Sales manager",
} as const;

/** The report as CSV rows (header first, then lines, then a total per currency), amounts in major units. */
export function salesReportCsv(report: Awaited<ReturnType<typeof reportSales>>): CsvValue[][] {
  const line = (r: SalesReportRow): CsvValue[] => [
    r.label,
    r.currency,
    r.payments,
    majorUnits(r.received, r.currency),
    majorUnits(r.refunded, r.currency),
    majorUnits(r.net, r.currency),
    majorUnits(r.fees, r.currency),
    majorUnits(r.credited, r.currency),
  ];
  return [
    [
      salesReportFirstColumn[report.by],
      "Currency",
      "Payments",
      "Received",
      "Refunded",
      "Net sales (received - refunded)",
      "Fees",
      "Funds credited (net - fees)",
    ],
    ...report.rows.map(line),
    ...report.totals.map(line),
  ];
}
