import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orderEvents, orderSurveys, outboxEmails } from "@/db/schema";
import { Conflict, Forbidden, NotFound } from "@/lib/core/errors";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { addOrder, ctxFor } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { answerSurvey } from "./answer-survey";
import { surveyForOrder, surveyReport } from "./list-surveys";
import { setSurveyDelay } from "./set-survey-delay";

const completedAt = new Date("2030-02-01T10:00:00Z");
const daysAfter = (days: number) => new Date(completedAt.getTime() + days * 24 * 60 * 60 * 1000);

async function completedOrder(tx: Transaction) {
  const publisher = await makePublisher(tx);
  const staff = await makeStaff(tx, publisher.id, "admin");
  const a = await makeAdvertiser(tx, publisher.id);
  const order = await addOrder(tx, {
    publisherId: publisher.id,
    advertiserId: a.advertiser.id,
    status: "completed",
  });
  await tx.insert(orderEvents).values({
    publisherId: publisher.id,
    orderId: order.id,
    actorKind: "system",
    type: "complete",
    fromStatus: "live",
    toStatus: "completed",
    at: completedAt,
  });
  return { publisher, staff, a, order };
}

const surveyMail = async (tx: Transaction, orderId: number) =>
  (await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderId))).filter((m) =>
    m.subject.startsWith("How did order"),
  );

describe("metrics survey", () => {
  it(
    "goes out the set number of days after completion, once; the advertiser answers once; staff read it in the report",
    () =>
      inRollback(async (tx) => {
        const { staff, a, order } = await completedOrder(tx);
        await setSurveyDelay(ctxFor(staff, tx), { delayDays: 5 });
        await runJobsOnce(tx, daysAfter(4.9));
        expect(await surveyForOrder(tx, a.actor, order.id)).toBeNull();
        await runJobsOnce(tx, daysAfter(5.1));
        expect((await surveyForOrder(tx, a.actor, order.id))?.answeredAt).toBeNull();
        const mail = await surveyMail(tx, order.id);
        expect(mail.map((m) => m.to)).toEqual([a.user.email]);
        expect(mail[0].text).toContain(`/advertiser/orders/${order.id}#survey`);
        await runJobsOnce(tx, daysAfter(6));
        expect(await surveyMail(tx, order.id)).toHaveLength(1);

        await expect(
          answerSurvey(ctxFor(a.actor, tx), { orderId: order.id, rating: 6, goalsMet: "yes" }),
        ).rejects.toThrow(/1 to 5/);
        await expect(
          answerSurvey(ctxFor(staff, tx), { orderId: order.id, rating: 4, goalsMet: "yes" }),
        ).rejects.toBeInstanceOf(Forbidden);
        const other = await makeAdvertiser(tx, order.publisherId);
        await expect(
          answerSurvey(ctxFor(other.actor, tx), { orderId: order.id, rating: 4, goalsMet: "yes" }),
        ).rejects.toBeInstanceOf(NotFound);
        await answerSurvey(ctxFor(a.actor, tx), {
          orderId: order.id,
          rating: 4,
          goalsMet: "partly",
          results: "312 sales from the code SPRING",
        });
        await expect(
          answerSurvey(ctxFor(a.actor, tx), { orderId: order.id, rating: 5, goalsMet: "yes" }),
        ).rejects.toBeInstanceOf(Conflict);
        const report = await surveyReport(ctxFor(staff, tx));
        expect(report.delayDays).toBe(5);
        expect(report.average).toBe(4);
        expect(report.rows.map((r) => [r.orderId, r.rating, r.goalsMet, r.results])).toEqual([
          [order.id, 4, "partly", "312 sales from the code SPRING"],
        ]);
      }),
    180_000,
  );

  it("a delay of 0 sends no survey, and an order not completed is never surveyed", () =>
    inRollback(async (tx) => {
      const { staff, order } = await completedOrder(tx);
      await setSurveyDelay(ctxFor(staff, tx), { delayDays: 0 });
      await runJobsOnce(tx, daysAfter(10));
      expect(await tx.select().from(orderSurveys).where(eq(orderSurveys.orderId, order.id))).toEqual([]);
      await expect(setSurveyDelay(ctxFor(staff, tx), { delayDays: -1 })).rejects.toThrow();
      await expect(setSurveyDelay(ctxFor(staff, tx), { delayDays: 366 })).rejects.toThrow();
    }));
});
