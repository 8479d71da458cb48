import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import type { DueStep } from "@/lib/lifecycle/find-due-steps";

export const surveyJobKind = "send-survey";
export const defaultSurveyDelayDays = 7;

/**
 * Completed orders whose survey is due: completed at least the publisher's delay ago (7
 * days unless set; 0 turns surveys off), not surveyed yet, and completed within the last 30
 * days past the delay, so turning surveys on never mails about long-finished campaigns.
 */
export async function findSurveySteps(db: Queryable, now: Date): Promise<DueStep[]> {
  const { rows } = await db.execute<{ order_id: number }>(sql`
    SELECT o.id AS order_id
    FROM orders o
    LEFT JOIN survey_settings s ON s.publisher_id = o.publisher_id
    WHERE o.status = 'completed'
      AND coalesce(s.delay_days, ${defaultSurveyDelayDays}) > 0
      AND NOT EXISTS (SELECT 1 FROM order_surveys v WHERE v.order_id = o.id)
      AND EXISTS (
        SELECT 1 FROM order_events e
        WHERE e.order_id = o.id AND e.to_status = 'completed'
          AND e.at <= ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.delay_days, ${defaultSurveyDelayDays}))
          AND e.at > ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.delay_days, ${defaultSurveyDelayDays}) + 30)
      )`);
  return rows.map((r) => ({
    kind: surveyJobKind,
    uniqueKey: `${surveyJobKind}:order:${r.order_id}`,
    payload: { orderId: Number(r.order_id) },
  }));
}
