import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxEmails, publishers } from "@/db/schema";
import { appUrl } from "@/lib/core/env";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { approveOrder, approveOrderInput } from "./approve-order";
import { getOrderForActorOrThrow } from "./get-order-for-actor";
import { notifyOrderParty } from "./notify-order-party";
import { runOrderAction } from "./run-order-action";

describe("order emails greet the reader and link straight to the order", () => {
  it("staff get the desk's order page, the advertiser their portal's", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 600 }], "draft");
      await runOrderAction(ctxFor(desk.advertiserActor, tx), { orderId: order.id, action: "submit" });
      await approveOrder(
        ctxFor(desk.sales, tx),
        approveOrderInput.parse({ orderId: order.id, version: order.version + 1 }),
      );
      const mails = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      const submitted = mails.filter((m) => m.subject.startsWith("New order to review"));
      expect(submitted.length).toBeGreaterThan(0);
      for (const mail of submitted) {
        expect(mail.text).toMatch(/^Hi \S/);
        expect(mail.text).toContain(`Review it: ${appUrl()}/publisher/orders/${order.id}`);
      }
      const approved = mails.find((m) => m.subject.startsWith("Order approved"))!;
      expect(approved.to).toBe(desk.advertiser.contactEmail);
      expect(approved.text.startsWith(`Hi ${desk.advertiser.contactName},\n\n`)).toBe(true);
      expect(approved.text).toContain(`Open the order: ${appUrl()}/advertiser/orders/${order.id}`);
      expect(approved.text).not.toContain("/publisher/");
    });
  });
});

describe("who on the desk hears about an order", () => {
  it("the addresses in the publisher's settings, when the order has no sales manager", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx
        .update(publishers)
        .set({ notificationEmails: ["ads@desk.test", "ops@desk.test"] })
        .where(eq(publishers.id, desk.publisher.id));
      const { order } = await makePendingOrder(tx, desk, [{}]);
      const loaded = await getOrderForActorOrThrow(tx, desk.admin, order.id);

      await notifyOrderParty(tx, loaded, "staff", "order_submitted");

      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(mail.map((m) => m.to).sort()).toEqual(["ads@desk.test", "ops@desk.test"]);
      expect(mail[0].text).toMatch(/^Hi there,/);
    });
  });
});
