import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxEmails, publishers } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { getOrderForActorOrThrow } from "./get-order-for-actor";
import { notifyOrderParty } from "./notify-order-party";

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
    });
  });
});
