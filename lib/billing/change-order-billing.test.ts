import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderEvents, orders, outboxEmails } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { changeBillingDefaults } from "./change-billing-defaults";
import { changeOrderBilling } from "./change-order-billing";
import { invoiceTax } from "./invoice-tax";
import { getInvoice } from "./order-billing";
import { requestPayment } from "./request-payment";

const settings = {
  prepayRequired: "on",
  paymentTermsDays: "30",
  invoiceRecipient: "Billing@Acme.test",
  poNumber: "PO-778",
  taxRate: "",
  taxId: "",
};

describe("changeOrderBilling", () => {
  it("sets prepay, terms, recipient and PO; invoices follow them and the event names each change", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      await changeBillingDefaults(ctxFor(desk.admin, tx), { taxRate: "20", taxId: "GB123" });
      const { changed } = await changeOrderBilling(ctxFor(desk.sales, tx), {
        orderId: order.id,
        ...settings,
      });
      expect(changed).toEqual(["prepayRequired", "paymentTermsDays", "invoiceRecipient", "poNumber"]);
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "billing_changed"));
      expect(event.payload.summary).toBe("prepay, net 30 days, invoices to billing@acme.test, PO PO-778");

      const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
      expect(invoice.dueDate).toBe("2029-12-31");
      const [mail] = await tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.orderId, order.id), like(outboxEmails.subject, "Invoice%")));
      expect(mail.to).toBe("billing@acme.test");
      expect(mail.text).toContain("PO PO-778");
      const seen = await getInvoice(ctxFor(desk.advertiserActor, tx), { invoiceId: invoice.id });
      expect(invoiceTax(seen.invoice.amount, seen.order, seen.publisher)).toMatchObject({
        percent: 20,
        taxId: "GB123",
      });
    });
  });

  it("changes nothing and logs nothing when nothing changed", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const same = {
        ...settings,
        prepayRequired: undefined,
        paymentTermsDays: "14",
        invoiceRecipient: "",
        poNumber: "",
      };
      expect(
        (await changeOrderBilling(ctxFor(desk.sales, tx), { orderId: order.id, ...same })).changed,
      ).toEqual([]);
      expect(await tx.select().from(orderEvents).where(eq(orderEvents.type, "billing_changed"))).toEqual([]);
    });
  });

  it.each([
    [
      "invoiceRecipient",
      { invoiceRecipient: "not-an-address" },
      "Enter a valid email address, like billing@example.com.",
    ],
    ["taxRate", { taxRate: "120" }, "Enter the tax rate as a percentage from 0 to 100, like 20 or 7.5."],
    ["paymentTermsDays", { paymentTermsDays: "-1" }, "Enter the payment terms in whole days, from 0 to 365."],
  ])("refuses a bad %s by name, writing nothing", async (field, change, message) => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      const error = await changeOrderBilling(ctxFor(desk.sales, tx), {
        orderId: order.id,
        ...settings,
        ...change,
      }).catch((e) => e);
      const messages =
        error.fieldErrors?.[field] ??
        error.issues
          ?.filter((i: { path: string[] }) => i.path[0] === field)
          .map((i: { message: string }) => i.message);
      expect(messages).toEqual([message]);
      const [row] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(row.poNumber).toBeNull();
    });
  });

  it("is for the publisher's writers only", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const order = await makeChargedOrder(tx, desk);
      await expect(
        changeOrderBilling(ctxFor(desk.advertiserActor, tx), { orderId: order.id, ...settings }),
      ).rejects.toThrow("Only owners");
      const other = await makeDesk(tx);
      await expect(
        changeOrderBilling(ctxFor(other.admin, tx), { orderId: order.id, ...settings }),
      ).rejects.toThrow("not found");
      await expect(
        changeBillingDefaults(ctxFor(desk.sales, tx), { taxRate: "5", taxId: "" }),
      ).rejects.toThrow("Only owners and admins");
    });
  });
});
