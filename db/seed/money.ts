import { addDays, type CalendarDay, calendarDayIn } from "@/lib/core/days";
import type { PublisherSpec } from "./catalog";
import { addMinutes, maxDate, minDate } from "./dates";
import type { Rng } from "./random";
import type { OrderPlan } from "./types";

export type PaymentPlan = {
  amount: number;
  paymentSystem: string;
  fee: number;
  fundsCredited: number;
  oneClick: boolean;
  status: "completed" | "declined" | "refunded";
  basisPoints: number;
  idempotencyKey: string;
  createdBy: string | null;
  createdAt: Date;
};

export type InvoicePlan = {
  order: number;
  number: number;
  amount: number;
  status: "open" | "paid" | "void" | "partially_paid";
  dueDate: CalendarDay;
  issuedAt: Date;
  payments: PaymentPlan[];
};

export type LedgerPlan = {
  order: number;
  line: number | null;
  kind: "charge" | "discount" | "payment" | "refund" | "credit_note";
  amount: number;
  reference: string;
  idempotencyKey: string | null;
  createdBy: string | null;
  createdAt: Date;
};

export type ConfirmationPlan = {
  order: number;
  manager: string | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
};

export type MoneyPlan = {
  invoices: InvoicePlan[];
  ledger: LedgerPlan[];
  confirmations: ConfirmationPlan[];
};

type Outcome = "none" | "open" | "paid" | "void";

/**
 * Running and finished orders per publisher left with nothing invoiced here: the demo's
 * money stories on them (part payments, refunds, discounts, reversals, recurring) are told
 * afterwards through the app's own verbs (lib/demo/seed-money.ts), not written as rows.
 */
export const ordersLeftForDemoVerbs = 12;

function leftForDemoVerbs(order: OrderPlan): boolean {
  return (
    (order.baseStatus === "live" || order.baseStatus === "completed") &&
    order.source !== "recurring" &&
    order.advertiser !== 0 &&
    !order.canceledAt
  );
}

function outcomeFor(rng: Rng, order: OrderPlan, prepay: boolean, canceledSoFar: number): Outcome {
  const base = order.baseStatus;
  if (base === "canceled") {
    // Taken in turn rather than by chance, so every publisher has a voided invoice.
    const turns: Outcome[] = prepay ? ["void", "paid"] : ["void", "paid", "none"];
    return turns[canceledSoFar % turns.length];
  }
  if (prepay) {
    if (base === "approved") return rng.chance(0.5) ? "paid" : "open";
    return "paid";
  }
  if (base === "completed") return rng.chance(0.7) ? "paid" : "open";
  if (base === "live" || base === "paused") return rng.chance(0.5) ? "paid" : "open";
  return rng.chance(0.4) ? "open" : "none";
}

/**
 * Charges, invoices, payments, credit notes and refunds for one publisher's orders, in
 * the order they happened. `orders` is the global list; `indexes` picks this publisher's.
 */
export function planMoney(
  rng: Rng,
  publisher: PublisherSpec,
  orders: OrderPlan[],
  indexes: number[],
  now: Date,
): MoneyPlan {
  const invoices: InvoicePlan[] = [];
  const ledger: LedgerPlan[] = [];
  const confirmations: ConfirmationPlan[] = [];
  const latest = addMinutes(now, -10);
  let paymentCounter = 0;
  let canceledSoFar = 0;
  let leftForVerbs = 0;

  const pay = (
    invoice: InvoicePlan,
    order: OrderPlan,
    net: number,
    amount: number,
    at: Date,
    status: PaymentPlan["status"],
  ) => {
    const system = rng.pick(publisher.paymentSystems);
    const card = system.percentBasisPoints > 0;
    const fee =
      status === "declined" ? 0 : Math.round((amount * system.percentBasisPoints) / 10_000) + system.fixedFee;
    const payment: PaymentPlan = {
      amount,
      paymentSystem: system.name,
      fee,
      fundsCredited: status === "declined" ? 0 : amount - fee,
      oneClick: card && rng.chance(0.3),
      status,
      basisPoints: Math.round((amount / Math.max(1, net)) * 10_000),
      idempotencyKey: `seed-${publisher.slug}-payment-${++paymentCounter}`,
      createdBy: card ? order.advertiserUser : order.reviewer,
      createdAt: at,
    };
    invoice.payments.push(payment);
  };

  for (const index of indexes) {
    const order = orders[index];
    if (!order.approvedAt) continue;
    const approvedAt = order.approvedAt;
    const charger = order.source === "recurring" ? null : order.reviewer;
    ledger.push({
      order: index,
      line: null,
      kind: "charge",
      amount: order.total,
      reference: "Order total",
      idempotencyKey: null,
      createdBy: charger,
      createdAt: approvedAt,
    });
    const discount = order.quote?.status === "accepted" ? Math.max(0, order.total - order.quote.price) : 0;
    if (discount > 0) {
      ledger.push({
        order: index,
        line: null,
        kind: "discount",
        amount: discount,
        reference: "Quoted price",
        idempotencyKey: null,
        createdBy: order.quote?.createdBy ?? null,
        createdAt: approvedAt,
      });
    }
    const net = order.total - discount;
    // Money moves before the order is canceled, or it does not move at all.
    const deadline = order.canceledAt ? minDate(addMinutes(order.canceledAt, -5), latest) : latest;
    const issuedAt = addMinutes(approvedAt, rng.int(10, 240));
    let outcome = outcomeFor(rng, order, order.prepayRequired, canceledSoFar);
    if (leftForVerbs < ordersLeftForDemoVerbs && leftForDemoVerbs(order)) {
      leftForVerbs++;
      outcome = "none";
    }
    if (order.baseStatus === "canceled") canceledSoFar++;
    if (outcome !== "void" && issuedAt > addMinutes(deadline, -30)) outcome = "none";
    if (outcome === "none") continue;

    const invoice = (amount: number, at: Date, status: InvoicePlan["status"]): InvoicePlan => {
      const inv: InvoicePlan = {
        order: index,
        number: 0,
        amount,
        status,
        dueDate: addDays(calendarDayIn(at, "UTC"), order.paymentTermsDays),
        issuedAt: at,
        payments: [],
      };
      invoices.push(inv);
      return inv;
    };
    const payAt = (from: Date) =>
      maxDate(addMinutes(from, 5), minDate(addMinutes(from, rng.int(60, 9 * 24 * 60)), deadline));

    if (outcome === "void") {
      invoice(net, issuedAt, "void");
    } else if (order.partialPayments && net >= 2) {
      const first = Math.round(net / 2);
      const firstInvoice = invoice(first, issuedAt, "paid");
      pay(firstInvoice, order, net, first, payAt(issuedAt), "completed");
      const secondAt = minDate(
        addMinutes(issuedAt, rng.int(24 * 60, 10 * 24 * 60)),
        addMinutes(deadline, -20),
      );
      if (secondAt > addMinutes(issuedAt, 5)) {
        const rest = net - first;
        const status = outcome === "paid" ? "paid" : rng.pick(["open", "partially_paid"] as const);
        const second = invoice(rest, secondAt, status);
        if (status === "paid") pay(second, order, net, rest, payAt(secondAt), "completed");
        if (status === "partially_paid")
          pay(second, order, net, Math.round(rest * 0.4), payAt(secondAt), "completed");
      }
    } else {
      const single = invoice(net, issuedAt, outcome);
      if (outcome === "paid") pay(single, order, net, net, payAt(issuedAt), "completed");
      else if (rng.chance(0.3)) pay(single, order, net, net, payAt(issuedAt), "declined");
    }
  }

  if (!invoices.some((invoice) => invoice.status === "partially_paid")) {
    // Make sure the demo shows a part-paid invoice: pay 40% of the latest open one.
    const open = invoices
      .filter((invoice) => invoice.status === "open" && invoice.payments.length === 0)
      .pop();
    if (open) {
      open.status = "partially_paid";
      const order = orders[open.order];
      const at = maxDate(addMinutes(open.issuedAt, 5), minDate(addMinutes(open.issuedAt, 24 * 60), latest));
      const discount = ledger
        .filter((entry) => entry.order === open.order && entry.kind === "discount")
        .reduce((sum, entry) => sum + entry.amount, 0);
      pay(open, order, order.total - discount, Math.round(open.amount * 0.4), at, "completed");
    }
  }

  invoices.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  invoices.forEach((invoice, i) => {
    invoice.number = i + 1;
  });

  for (const invoice of invoices) {
    for (const payment of invoice.payments) {
      if (payment.status !== "completed") continue;
      ledger.push({
        order: invoice.order,
        line: null,
        kind: "payment",
        amount: payment.amount,
        reference: `Invoice ${invoice.number} (${payment.paymentSystem})`,
        idempotencyKey: payment.idempotencyKey,
        createdBy: payment.createdBy,
        createdAt: payment.createdAt,
      });
    }
  }

  for (const index of indexes) {
    const order = orders[index];
    const paid = invoices
      .filter((invoice) => invoice.order === index)
      .flatMap((invoice) => invoice.payments)
      .filter((payment) => payment.status === "completed");
    const paidTotal = paid.reduce((sum, payment) => sum + payment.amount, 0);

    if (order.approvedAt && order.canceledAt) {
      const canceledAt = order.canceledAt;
      let credited = 0;
      order.lines.forEach((line, lineIndex) => {
        const undelivered = line.amount - line.deliveredValue;
        if (undelivered <= 0) return;
        credited += undelivered;
        ledger.push({
          order: index,
          line: lineIndex,
          kind: "credit_note",
          amount: undelivered,
          reference: `Undelivered: ${line.zone.spec.name}`,
          idempotencyKey: null,
          createdBy: order.reviewer,
          createdAt: canceledAt,
        });
      });
      const refund = Math.min(credited, paidTotal);
      if (refund > 0 && rng.chance(0.6)) {
        ledger.push({
          order: index,
          line: null,
          kind: "refund",
          amount: refund,
          reference: "Refund of the credit note",
          idempotencyKey: `seed-${publisher.slug}-refund-${index}`,
          createdBy: order.reviewer,
          createdAt: minDate(addMinutes(canceledAt, rng.int(60, 3 * 24 * 60)), latest),
        });
        if (refund === paidTotal) for (const payment of paid) payment.status = "refunded";
      }
    }

    if (paid.length > 0 && rng.chance(0.6)) {
      const confirmed = rng.chance(0.6);
      const lastPaid = paid.reduce((a, b) => (a.createdAt > b.createdAt ? a : b)).createdAt;
      confirmations.push({
        order: index,
        manager: order.salesManager,
        confirmedBy: confirmed ? `${rng.pick(["sales", "owner"])}@${publisher.slug}.test` : null,
        confirmedAt: confirmed ? minDate(addMinutes(lastPaid, rng.int(30, 2 * 24 * 60)), latest) : null,
      });
    }
  }

  ledger.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { invoices, ledger, confirmations };
}
