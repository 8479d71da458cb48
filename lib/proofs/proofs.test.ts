import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveryProofs, orderEvents, orders, outboxEmails } from "@/db/schema";
import { makePublicCtx } from "@/lib/core/context";
import { Conflict, Forbidden, NotFound } from "@/lib/core/errors";
import { inRollback } from "@/test/db";
import { pngBytes } from "@/test/fixtures/images";
import { addOrder, ctxFor } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { addDeliveryProof } from "./add-delivery-proof";
import { deliveryProofsForOrder } from "./list-delivery-proofs";
import { serveProofFile } from "./serve-proof-file";

const png = () => new File([new Uint8Array(pngBytes(10, 10))], "screenshot.png", { type: "image/png" });

describe("proof of delivery", () => {
  it("staff add a link and a screenshot when completing; the advertiser sees both and is emailed; others get 404", () =>
    inRollback(async (tx) => {
      const publisher = await makePublisher(tx);
      const staff = await makeStaff(tx, publisher.id, "admin");
      const a = await makeAdvertiser(tx, publisher.id);
      const b = await makeAdvertiser(tx, publisher.id);
      const order = await addOrder(tx, {
        publisherId: publisher.id,
        advertiserId: a.advertiser.id,
        status: "completed",
      });
      await addDeliveryProof(ctxFor(staff, tx), {
        orderId: order.id,
        url: "https://news.example/sponsored/spring",
        note: "Homepage takeover, 10 Jan",
      });
      const { proofId } = await addDeliveryProof(ctxFor(staff, tx), { orderId: order.id, attachment: png() });
      const seen = await deliveryProofsForOrder(tx, a.actor, order.id);
      expect(seen.map((p) => [p.url, p.note, p.fileName])).toEqual([
        ["https://news.example/sponsored/spring", "Homepage takeover, 10 Jan", null],
        [null, "", "screenshot.png"],
      ]);
      expect(await deliveryProofsForOrder(tx, b.actor, order.id)).toEqual([]);
      const served = await serveProofFile(makePublicCtx(a.actor, { db: tx }), { proofId });
      expect([served.status, served.headers.get("content-type")]).toEqual([200, "image/png"]);
      expect((await serveProofFile(makePublicCtx(b.actor, { db: tx }), { proofId })).status).toBe(404);
      const events = await tx
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .orderBy(asc(orderEvents.id));
      expect(events.map((e) => e.type)).toEqual(["proof_added", "proof_added"]);
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(
        mail.filter((m) => m.to === a.user.email && m.text.includes(`/advertiser/orders/${order.id}#proof`)),
      ).toHaveLength(2);
    }));

  it("refuses no proof at all, a bad link, an oversized or non-image file, the wrong status, advertisers and strangers; nothing is written", () =>
    inRollback(async (tx) => {
      const publisher = await makePublisher(tx);
      const staff = await makeStaff(tx, publisher.id, "admin");
      const stranger = await makeStaff(tx, (await makePublisher(tx)).id, "admin");
      const a = await makeAdvertiser(tx, publisher.id);
      const order = await addOrder(tx, {
        publisherId: publisher.id,
        advertiserId: a.advertiser.id,
        status: "live",
      });
      const ctx = ctxFor(staff, tx);
      await expect(addDeliveryProof(ctx, { orderId: order.id })).rejects.toThrow(/link or a screenshot/);
      await expect(
        addDeliveryProof(ctx, { orderId: order.id, url: "javascript:alert(1)" }),
      ).rejects.toThrow();
      await expect(
        addDeliveryProof(ctx, { orderId: order.id, attachment: new File(["plain text"], "x.txt") }),
      ).rejects.toThrow(/PNG, JPEG/);
      await expect(
        addDeliveryProof(ctx, {
          orderId: order.id,
          attachment: new File([new Uint8Array(3 * 1024 * 1024)], "big.png"),
        }),
      ).rejects.toThrow(/limited to/);
      await expect(
        addDeliveryProof(ctxFor(a.actor, tx), { orderId: order.id, url: "https://x.example" }),
      ).rejects.toBeInstanceOf(Forbidden);
      await expect(
        addDeliveryProof(ctxFor(stranger, tx), { orderId: order.id, url: "https://x.example" }),
      ).rejects.toBeInstanceOf(NotFound);
      await tx.update(orders).set({ status: "approved" }).where(eq(orders.id, order.id));
      await expect(
        addDeliveryProof(ctx, { orderId: order.id, url: "https://x.example" }),
      ).rejects.toBeInstanceOf(Conflict);
      expect(await tx.select().from(deliveryProofs).where(eq(deliveryProofs.orderId, order.id))).toEqual([]);
    }));
});
