import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { messages, orderEvents, outboxEmails } from "@/db/schema";
import { makePublicCtx } from "@/lib/core/context";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { inRollback } from "@/test/db";
import { pngBytes } from "@/test/fixtures/images";
import { addOrder, ctxFor, testNow } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { markMessagesRead } from "./mark-messages-read";
import { maxAttachmentBytes } from "./message-attachment";
import { sendMessage } from "./send-message";
import { serveMessageAttachment } from "./serve-message-attachment";
import { unreadMessageCounts } from "./unread-messages";

async function setup(tx: Transaction) {
  const publisher = await makePublisher(tx);
  const staff = await makeStaff(tx, publisher.id, "admin");
  const a = await makeAdvertiser(tx, publisher.id);
  const b = await makeAdvertiser(tx, publisher.id);
  const orderA = await addOrder(tx, { publisherId: publisher.id, advertiserId: a.advertiser.id });
  const orderB = await addOrder(tx, { publisherId: publisher.id, advertiserId: b.advertiser.id });
  return { publisher, staff, a, b, orderA, orderB };
}

const png = () => new File([new Uint8Array(pngBytes(10, 10))], "draft.png", { type: "image/png" });
const pdf = () => new File([new TextEncoder().encode("%PDF-1.4\n%…\n")], "brief.pdf");

describe("order messages", () => {
  it("staff write to the advertiser: the advertiser sees it, gets an email linking to their order page, and an event names it", () =>
    inRollback(async (tx) => {
      const { staff, a, orderA } = await setup(tx);
      const sent = await sendMessage(ctxFor(staff, tx), { orderId: orderA.id, body: "Here is the plan." });
      const detail = await getOrderDetail(ctxFor(a.actor, tx), { orderId: orderA.id });
      expect(detail.messages.map((m) => m.message.body)).toEqual(["Here is the plan."]);
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderA.id));
      expect(mail.map((m) => m.to)).toEqual([a.user.email]);
      expect(mail[0].text).toContain(`/advertiser/orders/${orderA.id}`);
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, orderA.id));
      expect(events.map((e) => [e.type, e.payload.messageId])).toEqual([["message_sent", sent.messageId]]);
    }));

  it("the advertiser's message emails the publisher's team with the desk link", () =>
    inRollback(async (tx) => {
      const { a, orderA } = await setup(tx);
      await sendMessage(ctxFor(a.actor, tx), { orderId: orderA.id, body: "Can we start earlier?" });
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderA.id));
      expect(mail.length).toBeGreaterThan(0);
      expect(mail[0].text).toContain(`/publisher/orders/${orderA.id}`);
      expect(mail[0].text).toContain("Can we start earlier?");
    }));

  it("internal notes never reach the advertiser: not in page data, not by email, not in events, not counted", () =>
    inRollback(async (tx) => {
      const { staff, a, orderA } = await setup(tx);
      const note = await sendMessage(ctxFor(staff, tx), {
        orderId: orderA.id,
        body: "They pay late, ask for prepay.",
        internal: "on",
        attachment: png(),
      });
      const forAdvertiser = await getOrderDetail(ctxFor(a.actor, tx), { orderId: orderA.id });
      expect(forAdvertiser.messages).toEqual([]);
      expect(forAdvertiser.events).toEqual([]);
      const forStaff = await getOrderDetail(ctxFor(staff, tx), { orderId: orderA.id });
      expect(forStaff.messages.map((m) => m.message.internal)).toEqual([true]);
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderA.id));
      expect(mail.map((m) => m.to)).not.toContain(a.user.email);
      expect(mail.every((m) => !m.to.includes(a.advertiser.contactEmail))).toBe(true);
      expect((await unreadMessageCounts(ctxFor(a.actor, tx))).total).toBe(0);
      const file = await serveMessageAttachment(makePublicCtx(a.actor, { db: tx }), {
        messageId: note.messageId,
      });
      expect(file.status).toBe(404);
    }));

  it("an advertiser cannot write an internal note", () =>
    inRollback(async (tx) => {
      const { a, orderA } = await setup(tx);
      await expect(
        sendMessage(ctxFor(a.actor, tx), { orderId: orderA.id, body: "psst", internal: "on" }),
      ).rejects.toMatchObject({ fieldErrors: { internal: [expect.stringContaining("publisher's team")] } });
      expect(await tx.select().from(messages).where(eq(messages.orderId, orderA.id))).toEqual([]);
    }));

  it("advertiser A can neither read nor write B's thread nor fetch B's attachments", () =>
    inRollback(async (tx) => {
      const { staff, a, b, orderB } = await setup(tx);
      const sent = await sendMessage(ctxFor(staff, tx), {
        orderId: orderB.id,
        body: "For B",
        attachment: pdf(),
      });
      await expect(getOrderDetail(ctxFor(a.actor, tx), { orderId: orderB.id })).rejects.toThrow(/not found/i);
      await expect(sendMessage(ctxFor(a.actor, tx), { orderId: orderB.id, body: "hi" })).rejects.toThrow(
        /not found/i,
      );
      const asA = await serveMessageAttachment(makePublicCtx(a.actor, { db: tx }), {
        messageId: sent.messageId,
      });
      expect(asA.status).toBe(404);
      const asB = await serveMessageAttachment(makePublicCtx(b.actor, { db: tx }), {
        messageId: sent.messageId,
      });
      expect(asB.status).toBe(200);
      expect(asB.headers.get("Content-Type")).toBe("application/pdf");
      expect(asB.headers.get("X-Content-Type-Options")).toBe("nosniff");
      const signedOut = await serveMessageAttachment(makePublicCtx(null, { db: tx }), {
        messageId: sent.messageId,
      });
      expect(signedOut.status).toBe(404);
      expect((await unreadMessageCounts(ctxFor(a.actor, tx))).total).toBe(0);
    }));

  it("staff of another publisher cannot see the thread or its attachments", () =>
    inRollback(async (tx) => {
      const { staff, orderA } = await setup(tx);
      const other = await makeStaff(tx, (await makePublisher(tx)).id, "admin");
      const sent = await sendMessage(ctxFor(staff, tx), { orderId: orderA.id, body: "x", attachment: png() });
      const res = await serveMessageAttachment(makePublicCtx(other, { db: tx }), {
        messageId: sent.messageId,
      });
      expect(res.status).toBe(404);
      expect((await unreadMessageCounts(ctxFor(other, tx))).total).toBe(0);
    }));

  it("refuses an empty message, an oversized or disguised attachment, and writes nothing", () =>
    inRollback(async (tx) => {
      const { staff, orderA } = await setup(tx);
      const ctx = ctxFor(staff, tx);
      await expect(sendMessage(ctx, { orderId: orderA.id, body: "   " })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["body"], message: "Write a message." })],
      });
      const big = new File([new Uint8Array(maxAttachmentBytes + 1)], "big.pdf");
      await expect(
        sendMessage(ctx, { orderId: orderA.id, body: "big", attachment: big }),
      ).rejects.toMatchObject({
        fieldErrors: { attachment: [expect.stringContaining("limited to 2 MB")] },
      });
      const fake = new File([new TextEncoder().encode("<script>alert(1)</script>")], "x.png", {
        type: "image/png",
      });
      await expect(
        sendMessage(ctx, { orderId: orderA.id, body: "fake", attachment: fake }),
      ).rejects.toMatchObject({
        fieldErrors: { attachment: [expect.stringContaining("PDF")] },
      });
      expect(await tx.select().from(messages).where(eq(messages.orderId, orderA.id))).toEqual([]);
      expect(await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderA.id))).toEqual([]);
    }));

  it("counts unread messages per person and order until they open the order", () =>
    inRollback(async (tx) => {
      const { staff, a, orderA } = await setup(tx);
      const later = new Date(testNow.getTime() + 60_000);
      await sendMessage(ctxFor(staff, tx), { orderId: orderA.id, body: "one" });
      await sendMessage(ctxFor(staff, tx, later), { orderId: orderA.id, body: "two" });
      const before = await unreadMessageCounts(ctxFor(a.actor, tx));
      expect(before.total).toBe(2);
      expect(before.byOrder.get(orderA.id)).toBe(2);
      // Your own messages are never unread for you.
      expect((await unreadMessageCounts(ctxFor(staff, tx))).total).toBe(0);
      await markMessagesRead(ctxFor(a.actor, tx), { orderId: orderA.id });
      expect((await unreadMessageCounts(ctxFor(a.actor, tx))).total).toBe(0);
      await sendMessage(ctxFor(a.actor, tx, later), { orderId: orderA.id, body: "thanks" });
      expect((await unreadMessageCounts(ctxFor(staff, tx))).byOrder.get(orderA.id)).toBe(1);
    }));
});

describe("a form's empty file input", () => {
  it("is no attachment: the message is sent without one", () =>
    inRollback(async (tx) => {
      const { staff, orderA } = await setup(tx);
      const blank = new File([], "blob", { type: "application/octet-stream" });
      const sent = await sendMessage(ctxFor(staff, tx), {
        orderId: orderA.id,
        body: "no file",
        attachment: blank,
      });
      const [row] = await tx.select().from(messages).where(eq(messages.id, sent.messageId));
      expect(row.body).toBe("no file");
      const file = await serveMessageAttachment(makePublicCtx(staff, { db: tx }), {
        messageId: sent.messageId,
      });
      expect(file.status).toBe(404);
    }));
});
