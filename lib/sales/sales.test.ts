import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { lineItems, orderEvents, salesConfirmations } from "@/db/schema";
import { testProviderFee } from "@/lib/billing/payment-provider";
import { allocate } from "@/lib/money/allocate";
import { changeRecurringSchedule } from "@/lib/recurring/change-recurring-schedule";
import { scheduleRecurringOrder } from "@/lib/recurring/schedule-recurring-order";
import { inRollback, ready } from "@/test/db";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { makeSalesScene } from "@/test/fixtures/sales";
import { makeStaff } from "@/test/fixtures/tenants";
import { confirmSale } from "./confirm-sale";
import { listRecurringSales } from "./list-recurring-sales";
import { listSaleOrders } from "./list-sale-orders";
import { listSalePayments } from "./list-sale-payments";
import { reportSales, salesReportCsv } from "./report-sales";

// Migrating the worker's database is not part of any one test's time.
beforeAll(ready);

const pick = (rows: { label: string }[], label: string) => rows.find((r) => r.label === label);

describe("Orders & Sales lists", () => {
  it("list every payment attempt with its columns, and the invoiced orders with their payments and status", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const ctx = ctxFor(s.desk.viewer, tx);
      const payments = await listSalePayments(ctx, {});
      expect(payments.total).toBe(4);
      const bank = payments.rows.find((p) => p.id === s.bank.id);
      expect(bank).toMatchObject({
        amount: 400,
        fee: 10,
        fundsCredited: 390,
        currency: "USD",
        paymentSystem: "Bank transfer",
        status: "completed",
        basisPoints: 4000,
        refunded: 100,
        managerId: s.desk.sales.userId,
        confirmed: false,
        recordedById: s.desk.sales.userId,
      });
      // Paid online by the advertiser: a system sale.
      expect(payments.rows.find((p) => p.id === s.card.id)).toMatchObject({
        managerId: null,
        oneClick: false,
      });
      expect(payments.rows.find((p) => p.id === s.declined.id)?.status).toBe("declined");

      const declined = await listSalePayments(ctx, { status: "declined" });
      expect(declined.rows.map((p) => p.id)).toEqual([s.declined.id]);
      const bySystem = await listSalePayments(ctx, { paymentSystem: "Bank transfer" });
      expect(bySystem.rows.map((p) => p.id)).toEqual([s.bank.id]);
      const byManager = await listSalePayments(ctx, { salesManager: s.desk.sales.userId });
      expect(byManager.rows.map((p) => p.id)).toEqual([s.bank.id]);
      const system = await listSalePayments(ctx, { salesManager: "system" });
      expect(system.total).toBe(3);
      const onTakeover = await listSalePayments(ctx, { zoneId: s.desk.cpd.id });
      expect(onTakeover.rows.map((p) => p.id).sort()).toEqual([s.declined.id, s.bPaid.id].sort());
      expect((await listSalePayments(ctx, { from: "2029-12-02" })).total).toBe(0);
      expect((await listSalePayments(ctx, { pageSize: 1, page: 2 })).rows).toHaveLength(1);

      const orders = await listSaleOrders(ctx, {});
      expect(orders.rows.map((o) => o.id).sort()).toEqual([s.a.id, s.b.order.id].sort());
      const a = orders.rows.find((o) => o.id === s.a.id);
      expect(a).toMatchObject({ saleStatus: "refund", paid: 1000, refunded: 100, balanceDue: 0 });
      expect(a?.payments.map((p) => p.id)).toEqual([s.bank.id, s.card.id]);
      const b = orders.rows.find((o) => o.id === s.b.order.id);
      expect(b?.saleStatus).toBe("completed");
      expect(b?.lineItems.map((li) => li.zone)).toEqual(["Leaderboard", "Takeover"]);
      const withDeclines = await listSaleOrders(ctx, { status: "declined" });
      expect(withDeclines.rows.map((o) => o.id)).toEqual([s.b.order.id]);
    });
  });

  it("never show another publisher's payments or orders", async () => {
    await inRollback(async (tx) => {
      await makeSalesScene(tx);
      const other = await makeDesk(tx);
      const ctx = ctxFor(other.admin, tx);
      expect((await listSalePayments(ctx, {})).total).toBe(0);
      expect((await listSaleOrders(ctx, {})).total).toBe(0);
      expect((await reportSales(ctx, { by: "system" })).rows).toEqual([]);
    });
  });

  it("refuse advertisers", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      await expect(listSalePayments(ctxFor(s.desk.advertiserActor, tx), {})).rejects.toThrow(
        "publisher's team",
      );
      await expect(reportSales(ctxFor(s.desk.advertiserActor, tx), { by: "system" })).rejects.toThrow();
    });
  });
});

describe("reportSales", () => {
  it("adds up sales by payment system, zone and property against hand-computed sums, refunds excluded", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const ctx = ctxFor(s.desk.viewer, tx);
      const [leaderboardB, takeoverB] = await tx
        .select({ amount: lineItems.amount })
        .from(lineItems)
        .where(eq(lineItems.orderId, s.b.order.id))
        .orderBy(lineItems.id);
      const bTotal = s.b.invoice.amount;
      expect(leaderboardB.amount + takeoverB.amount).toBe(bTotal);
      const fee6 = testProviderFee(600);
      const feeB = testProviderFee(bTotal);

      const bySystem = await reportSales(ctx, { by: "system" });
      expect(pick(bySystem.rows, "Bank transfer")).toMatchObject({
        currency: "USD",
        payments: 1,
        received: 400,
        refunded: 100,
        net: 300,
        fees: 10,
        credited: 290,
      });
      expect(pick(bySystem.rows, "test")).toMatchObject({
        payments: 2, // the declined attempt is not a sale
        received: 600 + bTotal,
        refunded: 0,
        net: 600 + bTotal,
        fees: fee6 + feeB,
      });
      expect(bySystem.totals).toEqual([
        expect.objectContaining({
          currency: "USD",
          payments: 3,
          received: 1000 + bTotal,
          refunded: 100,
          net: 900 + bTotal,
          fees: 10 + fee6 + feeB,
          credited: 900 + bTotal - 10 - fee6 - feeB,
        }),
      ]);

      const byZone = await reportSales(ctx, { by: "zone" });
      const [feeLeader, feeTakeover] = allocate(feeB, [leaderboardB.amount, takeoverB.amount]);
      expect(pick(byZone.rows, "Leaderboard · Daily Brief")).toMatchObject({
        payments: 3,
        received: 1000 + leaderboardB.amount,
        refunded: 100,
        net: 900 + leaderboardB.amount,
        fees: 10 + fee6 + feeLeader,
      });
      expect(pick(byZone.rows, "Takeover · Daily Brief")).toMatchObject({
        payments: 1,
        received: takeoverB.amount,
        fees: feeTakeover,
      });
      expect(byZone.totals).toEqual(bySystem.totals);
      // Sorted by net, largest first, unless asked otherwise.
      expect(byZone.rows.map((r) => r.net)).toEqual([...byZone.rows.map((r) => r.net)].sort((x, y) => y - x));
      const ascending = await reportSales(ctx, { by: "zone", sort: "label", dir: "asc" });
      expect(ascending.rows.map((r) => r.label)).toEqual([
        "Leaderboard · Daily Brief",
        "Takeover · Daily Brief",
      ]);

      const byProperty = await reportSales(ctx, { by: "property" });
      expect(byProperty.rows).toHaveLength(1);
      expect(byProperty.rows[0]).toMatchObject({ payments: 3, received: 1000 + bTotal, net: 900 + bTotal });

      const csv = salesReportCsv(bySystem);
      expect(csv[0][0]).toBe("Payment system");
      expect(csv.find((r) => r[0] === "Bank transfer")).toEqual([
        "Bank transfer",
        "USD",
        1,
        "4.00",
        "1.00",
        "3.00",
        "0.10",
        "2.90",
      ]);
      expect(csv.at(-1)?.[0]).toBe("Total");
    });
  });

  it("counts only confirmed sales by sales manager", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const ctx = ctxFor(s.desk.admin, tx);
      expect((await reportSales(ctx, { by: "manager" })).rows).toEqual([]);
      await confirmSale(ctx, { paymentId: s.bank.id, kind: "user", managerId: s.desk.sales.userId });
      await confirmSale(ctx, { paymentId: s.card.id, kind: "system" });
      const report = await reportSales(ctx, { by: "manager" });
      expect(report.rows.map((r) => [r.label, r.payments, r.net])).toEqual([
        ["System", 1, 600],
        ["Test User", 1, 300],
      ]);
      expect(report.totals[0]).toMatchObject({ payments: 2, received: 1000, refunded: 100, net: 900 });
      const confirmedOnly = await listSalePayments(ctx, { confirmed: "yes" });
      expect(confirmedOnly.rows.map((p) => p.id).sort()).toEqual([s.bank.id, s.card.id].sort());
      expect((await listSalePayments(ctx, { confirmed: "no" })).total).toBe(2);
    });
  });
});

describe("confirmSale", () => {
  it("confirms who made a sale, may change it, and logs the payment and amount on the order", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const checker = await makeStaff(tx, s.desk.publisher.id, "sales_manager", ["confirm_sales"]);
      const ctx = ctxFor(checker, tx);
      const first = await confirmSale(ctx, {
        paymentId: String(s.bank.id),
        kind: "user",
        managerId: String(s.desk.sales.userId),
      });
      expect(first.confirmation).toMatchObject({
        paymentId: s.bank.id,
        orderId: s.a.id,
        managerUserId: s.desk.sales.userId,
        confirmedBy: checker.userId,
      });
      let [row] = (await listSalePayments(ctx, {})).rows.filter((p) => p.id === s.bank.id);
      expect(row).toMatchObject({ confirmed: true, managerId: s.desk.sales.userId });

      // Someone else made it after all: confirming again changes the manager, one row still.
      await confirmSale(ctx, { paymentId: s.bank.id, kind: "user", managerId: s.desk.admin.userId });
      [row] = (await listSalePayments(ctx, {})).rows.filter((p) => p.id === s.bank.id);
      expect(row.managerId).toBe(s.desk.admin.userId);
      const rows = await tx
        .select()
        .from(salesConfirmations)
        .where(eq(salesConfirmations.paymentId, s.bank.id));
      expect(rows).toHaveLength(1);

      await confirmSale(ctx, { paymentId: s.card.id, kind: "system" });
      [row] = (await listSalePayments(ctx, {})).rows.filter((p) => p.id === s.card.id);
      expect(row).toMatchObject({ confirmed: true, managerId: null });

      const events = await tx.select().from(orderEvents).where(eq(orderEvents.type, "sale_confirmed"));
      expect(events.map((e) => e.payload.summary)).toEqual([
        `$4.00 (payment #${s.bank.id}, Bank transfer) confirmed as a sale by Test User`,
        `$4.00 (payment #${s.bank.id}, Bank transfer) confirmed as a sale by Test User`,
        `$6.00 (payment #${s.card.id}, test) confirmed as a system sale`,
      ]);
      expect(events[0]).toMatchObject({ orderId: s.a.id, actorUserId: checker.userId });
      expect(events[0].payload).toMatchObject({ paymentId: s.bank.id, amount: 400, currency: "USD" });
    });
  });

  it("refuses staff without confirm_sales, other publishers and bad input, writing nothing", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const other = await makeDesk(tx);
      const count = async () => (await tx.select().from(salesConfirmations)).length;
      const before = await count();
      const attempt = (actor: typeof s.desk.admin, input: Record<string, unknown>) =>
        confirmSale(ctxFor(actor, tx), input);
      const ok = { paymentId: s.bank.id, kind: "user", managerId: s.desk.sales.userId };

      await expect(attempt(s.desk.sales, ok)).rejects.toMatchObject({ status: 403 });
      await expect(attempt(s.desk.viewer, ok)).rejects.toMatchObject({ status: 403 });
      await expect(confirmSale(ctxFor(s.desk.advertiserActor, tx), ok)).rejects.toMatchObject({
        status: 403,
      });
      // Another publisher's admin cannot reach the payment, nor name its staff.
      await expect(attempt(other.admin, ok)).rejects.toMatchObject({ status: 404 });
      await expect(attempt(s.desk.admin, { ...ok, managerId: other.sales.userId })).rejects.toMatchObject({
        status: 422,
        fieldErrors: { managerId: ["Choose a member of your team."] },
      });
      await expect(attempt(s.desk.admin, { ...ok, paymentId: 999_999_999 })).rejects.toMatchObject({
        status: 404,
      });
      for (const paymentId of [0, -1, 2 ** 31, "1e3", "", null, "12abc"]) {
        await expect(attempt(s.desk.admin, { ...ok, paymentId })).rejects.toMatchObject({ name: "ZodError" });
      }
      await expect(attempt(s.desk.admin, { ...ok, kind: "robot" })).rejects.toMatchObject({
        name: "ZodError",
      });
      await expect(attempt(s.desk.admin, { paymentId: s.bank.id, kind: "user" })).rejects.toMatchObject({
        fieldErrors: { managerId: ["Choose who made the sale."] },
      });
      // A declined attempt is not a sale.
      await expect(attempt(s.desk.admin, { ...ok, paymentId: s.declined.id })).rejects.toMatchObject({
        status: 409,
      });
      expect(await count()).toBe(before);
      expect(await tx.select().from(orderEvents).where(eq(orderEvents.type, "sale_confirmed"))).toEqual([]);
    });
  });
});

describe("Recurring orders tab", () => {
  it("lists schedules with payments remaining and next payment; only manage_recurring may change them", async () => {
    await inRollback(async (tx) => {
      const s = await makeSalesScene(tx);
      const schedule = await scheduleRecurringOrder(ctxFor(s.desk.admin, tx), {
        orderId: s.a.id,
        interval: "monthly",
        periods: 6,
        firstPaymentOn: "2029-12-15",
        paymentMethod: "4242 4242 4242 4242",
      });
      const list = await listRecurringSales(ctxFor(s.desk.sales, tx), {});
      expect(list.canManage).toBe(false);
      expect(list.rows).toHaveLength(1);
      expect(list.rows[0]).toMatchObject({
        id: schedule.id,
        status: "active",
        paymentsTotal: 6,
        paymentsRemaining: 6,
        templateOrderId: s.a.id,
      });
      expect(list.rows[0].nextPaymentAt?.toISOString()).toBe("2029-12-15T00:00:00.000Z");
      expect(list.rows[0].orders.map((o) => [o.orderId, o.initial])).toEqual([[s.a.id, true]]);

      await expect(
        changeRecurringSchedule(ctxFor(s.desk.sales, tx), { scheduleId: schedule.id, action: "pause" }),
      ).rejects.toMatchObject({ status: 403 });
      const manager = await makeStaff(tx, s.desk.publisher.id, "sales_manager", ["manage_recurring"]);
      expect((await listRecurringSales(ctxFor(manager, tx), {})).canManage).toBe(true);
      await changeRecurringSchedule(ctxFor(manager, tx), { scheduleId: schedule.id, action: "pause" });
      expect((await listRecurringSales(ctxFor(manager, tx), {})).rows[0].status).toBe("paused");
      const other = await makeDesk(tx);
      expect((await listRecurringSales(ctxFor(other.admin, tx), {})).rows).toEqual([]);
      await expect(
        changeRecurringSchedule(ctxFor(other.admin, tx), { scheduleId: schedule.id, action: "resume" }),
      ).rejects.toMatchObject({ status: 404 });
    });
  });
});
