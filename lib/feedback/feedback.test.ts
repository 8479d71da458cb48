import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { feedbackRequests, orderEvents, orders, outboxEmails } from "@/db/schema";
import { makePublicCtx } from "@/lib/core/context";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { runOrderAction } from "@/lib/orders/run-order-action";
import { inRollback } from "@/test/db";
import { addOrder, ctxFor } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { answerFeedback } from "./answer-feedback";
import { feedbackForOrder } from "./list-feedback";
import { requestFeedback } from "./request-feedback";
import { serveFeedbackFile } from "./serve-feedback-file";

async function setup(tx: Transaction) {
  const publisher = await makePublisher(tx);
  const staff = await makeStaff(tx, publisher.id, "admin");
  const viewer = await makeStaff(tx, publisher.id, "viewer");
  const a = await makeAdvertiser(tx, publisher.id);
  const b = await makeAdvertiser(tx, publisher.id);
  const order = await addOrder(tx, { publisherId: publisher.id, advertiserId: a.advertiser.id });
  return { publisher, staff, viewer, a, b, order };
}

const pdf = () => new File([new TextEncoder().encode("%PDF-1.7\nbody")], "draft.pdf");

describe("feedback loop", () => {
  it("draft, changes requested, second draft, approved: the order waits only while a round is open, every round is logged", () =>
    inRollback(async (tx) => {
      const { staff, a, order } = await setup(tx);
      const first = await requestFeedback(ctxFor(staff, tx), {
        orderId: order.id,
        body: "Headline: Spring!",
      });
      expect((await feedbackForOrder(tx, a.actor, order.id)).waiting?.round).toBe(1);
      await expect(
        requestFeedback(ctxFor(staff, tx), { orderId: order.id, body: "another" }),
      ).rejects.toThrow(/already waiting/);
      await answerFeedback(ctxFor(a.actor, tx), {
        feedbackRequestId: first.feedbackRequestId,
        decision: "request_changes",
        comment: "Make it bolder",
      });
      expect((await feedbackForOrder(tx, staff, order.id)).waiting).toBeNull();
      const second = await requestFeedback(ctxFor(staff, tx), { orderId: order.id, attachment: pdf() });
      expect(second.round).toBe(2);
      await answerFeedback(ctxFor(a.actor, tx), {
        feedbackRequestId: second.feedbackRequestId,
        decision: "approve",
      });
      const { rounds, waiting } = await feedbackForOrder(tx, a.actor, order.id);
      expect(waiting).toBeNull();
      expect(rounds.map((r) => [r.round, r.status, r.answerComment])).toEqual([
        [1, "changes_requested", "Make it bolder"],
        [2, "approved", null],
      ]);
      const events = await tx
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order.id))
        .orderBy(asc(orderEvents.id));
      expect(events.map((e) => [e.type, e.payload.round])).toEqual([
        ["feedback_requested", 1],
        ["feedback_changes_requested", 1],
        ["feedback_requested", 2],
        ["feedback_approved", 2],
      ]);
      const mail = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, order.id));
      expect(
        mail
          .filter((m) => m.to === a.user.email)
          .map((m) => m.text.includes(`/advertiser/orders/${order.id}`)),
      ).toEqual([true, true]);
    }));

  it("while a draft waits on an approved order the advertiser cannot cancel it (seed 004), staff still can; once answered the advertiser can", () =>
    inRollback(async (tx) => {
      const { publisher, staff, a, order } = await setup(tx);
      const statusOf = async (id: number) =>
        (await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;
      const { feedbackRequestId } = await requestFeedback(ctxFor(staff, tx), {
        orderId: order.id,
        body: "v1",
      });
      await expect(cancelOrder(ctxFor(a.actor, tx), { orderId: order.id })).rejects.toMatchObject({
        name: "Forbidden",
        message: expect.stringMatching(/waiting for your answer on a draft/),
      });
      expect(await statusOf(order.id)).toBe("approved");
      await answerFeedback(ctxFor(a.actor, tx), { feedbackRequestId, decision: "approve" });
      await cancelOrder(ctxFor(a.actor, tx), { orderId: order.id });
      expect(await statusOf(order.id)).toBe("canceled");

      const other = await addOrder(tx, { publisherId: publisher.id, advertiserId: a.advertiser.id });
      await requestFeedback(ctxFor(staff, tx), { orderId: other.id, body: "v1" });
      await runOrderAction(ctxFor(staff, tx), { orderId: other.id, action: "cancel" });
      expect(await statusOf(other.id)).toBe("canceled");
    }));

  it("asking for changes needs a comment; an answered draft cannot be answered again; staff cannot answer", () =>
    inRollback(async (tx) => {
      const { staff, a, order } = await setup(tx);
      const { feedbackRequestId } = await requestFeedback(ctxFor(staff, tx), {
        orderId: order.id,
        body: "v1",
      });
      await expect(
        answerFeedback(ctxFor(a.actor, tx), { feedbackRequestId, decision: "request_changes", comment: " " }),
      ).rejects.toMatchObject({ fieldErrors: { comment: ["Say what should change."] } });
      await expect(
        answerFeedback(ctxFor(staff, tx), { feedbackRequestId, decision: "approve" }),
      ).rejects.toThrow(/advertiser/);
      await answerFeedback(ctxFor(a.actor, tx), { feedbackRequestId, decision: "approve" });
      await expect(
        answerFeedback(ctxFor(a.actor, tx), { feedbackRequestId, decision: "request_changes", comment: "x" }),
      ).rejects.toThrow(/already answered/);
    }));

  it("refuses an empty draft and read-only staff, writing nothing", () =>
    inRollback(async (tx) => {
      const { staff, viewer, order } = await setup(tx);
      await expect(requestFeedback(ctxFor(staff, tx), { orderId: order.id, body: "" })).rejects.toMatchObject(
        {
          fieldErrors: { body: ["Write the proposal or attach the draft."] },
        },
      );
      await expect(requestFeedback(ctxFor(viewer, tx), { orderId: order.id, body: "x" })).rejects.toThrow();
      expect(await tx.select().from(feedbackRequests).where(eq(feedbackRequests.orderId, order.id))).toEqual(
        [],
      );
    }));

  it("advertiser B can neither see, answer nor download A's drafts", () =>
    inRollback(async (tx) => {
      const { staff, a, b, order } = await setup(tx);
      const { feedbackRequestId } = await requestFeedback(ctxFor(staff, tx), {
        orderId: order.id,
        attachment: pdf(),
      });
      expect((await feedbackForOrder(tx, b.actor, order.id)).rounds).toEqual([]);
      await expect(
        answerFeedback(ctxFor(b.actor, tx), { feedbackRequestId, decision: "approve" }),
      ).rejects.toThrow(/not found/i);
      expect(
        (await serveFeedbackFile(makePublicCtx(b.actor, { db: tx }), { feedbackRequestId })).status,
      ).toBe(404);
      expect(
        (await serveFeedbackFile(makePublicCtx(a.actor, { db: tx }), { feedbackRequestId })).status,
      ).toBe(200);
    }));
});
