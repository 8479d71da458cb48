import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { deliveryDaily, lineItems, orders, publishers } from "@/db/schema";
import type { StaffActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { addDelivery } from "./add-delivery";
import { dayOutOfRangeReason, notRecordableReason } from "./delivery-rules";
import {
  type DeliveryCsvError,
  type DeliveryCsvField,
  type DeliveryCsvRow,
  maxCsvBytes,
  type ParsedDeliveryCsv,
  parseDeliveryCsv,
} from "./parse-delivery-csv";

export const importDeliveryCsvInput = z.object({
  csv: z
    .string({ error: "Choose a CSV file." })
    .max(maxCsvBytes, { error: "The file is larger than 2 MB; import at most 2 MB at a time." }),
  mode: z.enum(["preview", "commit"], { error: "Choose preview or import." }).default("preview"),
});
export type importDeliveryCsvInput = z.input<typeof importDeliveryCsvInput>;

type Counts = { impressions: number; clicks: number };

export type ImportRowResult = {
  line: number;
  /** The row as written in the file. */
  values: Record<DeliveryCsvField, string>;
  orderId: number | null;
  /** What an earlier import holds for this line item and day (the row replaces it), or null. */
  before: Counts | null;
  errors: { field: string; message: string }[];
};

export type ImportDeliveryResult = {
  mode: "preview" | "commit";
  /** True only when every row was valid and all of them were written. */
  committed: boolean;
  rows: ImportRowResult[];
  /** Every problem in file order: the file's own (line 0 or the header) and each row's. */
  errors: DeliveryCsvError[];
  validRows: number;
  /** Valid rows that hold what an earlier import already holds: nothing to change. */
  unchangedRows: number;
  /** Sum of the valid rows' numbers. */
  totals: Counts;
  orderIds: number[];
};

const anyInt = (ids: number[]) => sql`any(${sql.param(ids)}::int[])`;
const rowKey = (lineItemId: number, day: string) => `${lineItemId}:${day}`;
/** Changes listed in an order's event, at most; the rest is summed. */
const maxChangesPerEvent = 100;

type Checked = {
  result: Omit<ImportDeliveryResult, "mode" | "committed">;
  valid: (DeliveryCsvRow & { orderId: number; before: Counts | null })[];
};

/** Each parsed row against the database: the publisher's own line item, open or completed, a day it ran. */
async function checkRows(
  db: Queryable,
  actor: StaffActor,
  parsed: ParsedDeliveryCsv,
  now: Date,
): Promise<Checked> {
  const [publisher] = await db
    .select({ timezone: publishers.timezone })
    .from(publishers)
    .where(eq(publishers.id, actor.publisherId));
  const today = calendarDayIn(now, publisher.timezone);
  const ids = [...new Set(parsed.rows.map((r) => r.lineItemId))];
  const items = ids.length
    ? await db
        .select({
          id: lineItems.id,
          orderId: lineItems.orderId,
          status: lineItems.status,
          startDate: lineItems.startDate,
          endDate: lineItems.endDate,
        })
        .from(lineItems)
        .innerJoin(orders, eq(orders.id, lineItems.orderId))
        .where(and(sql`${lineItems.id} = ${anyInt(ids)}`, eq(orders.publisherId, actor.publisherId)))
    : [];
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const days = parsed.rows.map((r) => r.day).sort();
  const earlier =
    items.length > 0
      ? await db
          .select({
            lineItemId: deliveryDaily.lineItemId,
            day: deliveryDaily.day,
            impressions: deliveryDaily.impressions,
            clicks: deliveryDaily.clicks,
          })
          .from(deliveryDaily)
          .where(
            and(
              sql`${deliveryDaily.lineItemId} = ${anyInt(items.map((i) => i.id))}`,
              eq(deliveryDaily.source, "import"),
              gte(deliveryDaily.day, days[0]),
              lte(deliveryDaily.day, days[days.length - 1]),
            ),
          )
      : [];
  const earlierByKey = new Map(earlier.map((row) => [rowKey(row.lineItemId, row.day), row]));

  const errors: DeliveryCsvError[] = [...parsed.errors];
  const rowErrors = new Map<number, DeliveryCsvError[]>();
  for (const error of parsed.errors) rowErrors.set(error.line, [...(rowErrors.get(error.line) ?? []), error]);
  const valid: Checked["valid"] = [];
  const seen = new Map<string, number>();
  const rowInfo = new Map<number, { orderId: number | null; before: Counts | null }>();
  for (const row of parsed.rows) {
    const found: DeliveryCsvError[] = [];
    const fail = (field: string, message: string) => found.push({ line: row.line, field, message });
    const item = itemsById.get(row.lineItemId);
    const key = rowKey(row.lineItemId, row.day);
    const previous = earlierByKey.get(key);
    const before = previous ? { impressions: previous.impressions, clicks: previous.clicks } : null;
    rowInfo.set(row.line, { orderId: item?.orderId ?? null, before });
    if (!item) {
      fail("line_item_id", `Line item #${row.lineItemId} was not found among your orders.`);
    } else {
      const refused = notRecordableReason(item.id, item.status);
      if (refused) fail("line_item_id", refused);
      const outOfRange = dayOutOfRangeReason(row.day, item, today);
      if (outOfRange) fail("day", outOfRange);
    }
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      fail(
        "day",
        `Line item #${row.lineItemId} on ${row.day} is already on line ${firstLine}: keep one row per line item and day.`,
      );
    } else {
      seen.set(key, row.line);
    }
    if (found.length > 0) {
      errors.push(...found);
      rowErrors.set(row.line, found);
    } else {
      valid.push({ ...row, orderId: item!.orderId, before });
    }
  }
  errors.sort((a, b) => a.line - b.line);

  const rows: ImportRowResult[] = parsed.entries.map((entry) => ({
    line: entry.line,
    values: entry.values,
    orderId: rowInfo.get(entry.line)?.orderId ?? null,
    before: rowInfo.get(entry.line)?.before ?? null,
    errors: (rowErrors.get(entry.line) ?? []).map(({ field, message }) => ({ field, message })),
  }));
  const same = (row: Checked["valid"][number]) =>
    row.before !== null && row.before.impressions === row.impressions && row.before.clicks === row.clicks;
  return {
    valid,
    result: {
      rows,
      errors,
      validRows: valid.length,
      unchangedRows: valid.filter(same).length,
      totals: {
        impressions: valid.reduce((sum, r) => sum + r.impressions, 0),
        clicks: valid.reduce((sum, r) => sum + r.clicks, 0),
      },
      orderIds: [...new Set(valid.map((r) => r.orderId))].sort((a, b) => a - b),
    },
  };
}

/** Writes the checked rows as the days' import rows (the line items' totals move by the difference) and logs them. */
async function writeRows(db: Queryable, ctx: Ctx, actor: StaffActor, valid: Checked["valid"]) {
  const changed = valid
    .filter((r) => !r.before || r.before.impressions !== r.impressions || r.before.clicks !== r.clicks)
    .sort((a, b) => a.lineItemId - b.lineItemId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (changed.length === 0) return;
  // The difference, added: each day's import row becomes the file's numbers (only imports
  // write it, under the orders' locks) and the totals move with it while pixel hits keep adding.
  await addDelivery(
    db,
    changed.map((r) => ({
      lineItemId: r.lineItemId,
      day: r.day,
      source: "import",
      impressions: r.impressions - (r.before?.impressions ?? 0),
      clicks: r.clicks - (r.before?.clicks ?? 0),
    })),
  );

  const byOrder = new Map<number, typeof changed>();
  for (const r of changed) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r]);
  const orderIds = [...byOrder.keys()].sort((a, b) => a - b);
  await db.update(orders).set({ lastActivityAt: ctx.now }).where(inArray(orders.id, orderIds));
  for (const orderId of orderIds) {
    const rows = byOrder.get(orderId)!;
    await recordOrderEvent(db, {
      actor,
      publisherId: actor.publisherId,
      orderId,
      type: "delivery_imported",
      payload: {
        rows: rows.length,
        lineItemIds: [...new Set(rows.map((r) => r.lineItemId))],
        impressions: rows.reduce((sum, r) => sum + r.impressions - (r.before?.impressions ?? 0), 0),
        clicks: rows.reduce((sum, r) => sum + r.clicks - (r.before?.clicks ?? 0), 0),
        changes: rows.slice(0, maxChangesPerEvent).map((r) => ({
          lineItemId: r.lineItemId,
          day: r.day,
          before: r.before,
          after: { impressions: r.impressions, clicks: r.clicks },
        })),
      },
      at: ctx.now,
    });
  }
}

/**
 * Imports daily delivery from a CSV (an ad server's export, a newsletter tool's report).
 * `preview` checks every row against the database and writes nothing. `commit` checks
 * again under lock and writes every row, or, if any row has a problem, nothing at all:
 * each row becomes that line item's import row for that day (importing a day again
 * replaces it) and the line items' delivered totals move by the difference.
 */
export async function importDeliveryCsv(
  ctx: Ctx,
  input: importDeliveryCsvInput,
): Promise<ImportDeliveryResult> {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers record delivery.");
  const data = importDeliveryCsvInput.parse(input);
  const parsed = parseDeliveryCsv(data.csv);
  if (data.mode === "preview") {
    const { result } = await checkRows(ctx.db, actor, parsed, ctx.now);
    return { mode: "preview", committed: false, ...result };
  }
  return ctx.db.transaction(async (tx) => {
    // Lock the orders concerned, in id order, before checking: the same lock order as every
    // other order change, so a concurrent cancel cannot slip between the check and the write.
    const ids = [...new Set(parsed.rows.map((r) => r.lineItemId))];
    const orderIds = ids.length
      ? (
          await tx
            .selectDistinct({ id: lineItems.orderId })
            .from(lineItems)
            .innerJoin(orders, eq(orders.id, lineItems.orderId))
            .where(and(sql`${lineItems.id} = ${anyInt(ids)}`, eq(orders.publisherId, actor.publisherId)))
        ).map((r) => r.id)
      : [];
    if (orderIds.length > 0) {
      await tx
        .select({ id: orders.id })
        .from(orders)
        .where(inArray(orders.id, orderIds))
        .orderBy(asc(orders.id))
        .for("update");
    }
    const { result, valid } = await checkRows(tx, actor, parsed, ctx.now);
    if (result.errors.length > 0 || valid.length === 0)
      return { mode: "commit", committed: false, ...result };
    await writeRows(tx, ctx, actor, valid);
    return { mode: "commit", committed: true, ...result };
  });
}
