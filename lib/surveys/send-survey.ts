import type { Transaction } from "@/db";
import { orderSurveys } from "@/db/schema";
import { notifyByEmail } from "@/lib/feedback/notify-feedback";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

/**
 * The scheduler's step: opens the order's survey and emails the advertiser a link to it on
 * their order page. An order no longer completed, or already surveyed, is left alone.
 */
export async function sendSurvey(tx: Transaction, payload: Record<string, unknown>, now: Date) {
  const orderId = Number(payload.orderId);
  const loaded = await getOrderForActorOrThrow(tx, { kind: "system" }, orderId, { lock: true });
  const { order } = loaded;
  if (order.status !== "completed") return;
  const [survey] = await tx
    .insert(orderSurveys)
    .values({ publisherId: order.publisherId, orderId: order.id, sentAt: now })
    .onConflictDoNothing()
    .returning({ id: orderSurveys.id });
  if (!survey) return;
  await recordOrderEvent(tx, {
    actor: { kind: "system" },
    publisherId: order.publisherId,
    orderId: order.id,
    type: "survey_sent",
    payload: { surveyId: survey.id },
    at: now,
  });
  await notifyByEmail(
    tx,
    loaded,
    "advertiser",
    {
      subject: `How did order #${order.id} ${order.name} do?`,
      lines: [
        `Your campaign “${order.name}” with ${loaded.publisher.name} finished. Three quick questions about its results help them plan your next one.`,
        "",
        "Answer on the order page (it takes a minute):",
      ],
    },
    "survey",
    "status",
  );
}
