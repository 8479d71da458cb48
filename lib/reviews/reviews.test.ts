import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orderReviews } from "@/db/schema";
import { inRollback } from "@/test/db";
import { addOrder, ctxFor } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { publisherRating, reviewsForOrder } from "./list-reviews";
import { reviewOrder } from "./review-order";

async function setup(tx: Transaction, status: "completed" | "live" = "completed") {
  const publisher = await makePublisher(tx);
  const staff = await makeStaff(tx, publisher.id, "admin");
  const a = await makeAdvertiser(tx, publisher.id);
  const b = await makeAdvertiser(tx, publisher.id);
  const order = await addOrder(tx, { publisherId: publisher.id, advertiserId: a.advertiser.id, status });
  return { publisher, staff, a, b, order };
}

describe("reviews", () => {
  it("both sides review a completed order once each; the advertisers' average is the publisher's rating", () =>
    inRollback(async (tx) => {
      const { publisher, staff, a, b, order } = await setup(tx);
      await reviewOrder(ctxFor(a.actor, tx), { orderId: order.id, rating: "4", comment: "Smooth" });
      await reviewOrder(ctxFor(staff, tx), { orderId: order.id, rating: 5 });
      const other = await addOrder(tx, {
        publisherId: publisher.id,
        advertiserId: b.advertiser.id,
        status: "completed",
      });
      await reviewOrder(ctxFor(b.actor, tx), { orderId: other.id, rating: 5 });
      expect((await reviewsForOrder(tx, a.actor, order.id)).map((r) => [r.side, r.rating])).toEqual([
        ["advertiser", 4],
        ["publisher", 5],
      ]);
      expect(await reviewsForOrder(tx, b.actor, order.id)).toEqual([]);
      expect(await publisherRating(tx, publisher.id)).toEqual({ average: 4.5, reviews: 2 });
      await expect(reviewOrder(ctxFor(a.actor, tx), { orderId: order.id, rating: 1 })).rejects.toThrow(
        /already reviewed/,
      );
    }));

  it("refuses a rating of 0 or 6 and a review before completion, writing nothing", () =>
    inRollback(async (tx) => {
      const { a, order } = await setup(tx, "live");
      for (const rating of [0, 6, "x"]) {
        await expect(reviewOrder(ctxFor(a.actor, tx), { orderId: order.id, rating })).rejects.toMatchObject({
          issues: [expect.objectContaining({ path: ["rating"], message: "Choose a rating from 1 to 5." })],
        });
      }
      await expect(reviewOrder(ctxFor(a.actor, tx), { orderId: order.id, rating: 5 })).rejects.toThrow(
        /once the order is completed/,
      );
      expect(await tx.select().from(orderReviews).where(eq(orderReviews.orderId, order.id))).toEqual([]);
    }));
});
