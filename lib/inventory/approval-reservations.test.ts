import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { approvalReservations } from "./approval-reservations";

describe("approvalReservations", () => {
  it("says what approving each pending order reserves, and nothing for other orders", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const pending = await makePendingOrder(tx, desk, [
        { quantity: 5000, countries: ["US", "GB"] },
        { zoneId: desk.cpd.id, countries: ["US", "GB"], startDate: "2030-01-10", endDate: "2030-01-12" },
      ]);
      const approved = await makePendingOrder(tx, desk, [{ quantity: 700 }], "approved");
      const other = await makeDesk(tx);

      const summary = await approvalReservations(ctxFor(desk.sales, tx), {
        orderIds: [pending.order.id, approved.order.id],
      });
      expect(summary).toEqual({
        [pending.order.id]: { lineItems: 2, impressions: 5000, sponsorshipDays: 6 },
      });

      const elsewhere = await approvalReservations(ctxFor(other.admin, tx), { orderIds: [pending.order.id] });
      expect(elsewhere).toEqual({});
    });
  });
});
