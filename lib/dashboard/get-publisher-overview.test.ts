import { describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { addOrder } from "@/test/fixtures/orders";
import { addAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { getPublisherOverview } from "./get-publisher-overview";

describe("getPublisherOverview", () => {
  it("lists the latest orders without drafts or archived ones", async () => {
    await inRollback(async (tx) => {
      const publisher = await makePublisher(tx);
      const admin = await makeStaff(tx, publisher.id, "admin");
      const advertiser = await addAdvertiser(tx, publisher.id, { company: "Acme Media" });
      const order = (name: string, status: "draft" | "archived" | "live", minute: number) =>
        addOrder(tx, {
          publisherId: publisher.id,
          advertiserId: advertiser.id,
          name,
          source: "self_serve",
          status,
          total: 1_000,
          createdAt: new Date(Date.UTC(2025, 0, 1, 12, minute)),
        });
      const live = await order("Live one", "live", 1);
      await order("Draft one", "draft", 2);
      await order("Archived one", "archived", 3);
      const { latest } = await getPublisherOverview(makeCtx(admin, { db: tx }));
      expect(latest.map((o) => o.id)).toEqual([live.id]);
    });
  });
});
