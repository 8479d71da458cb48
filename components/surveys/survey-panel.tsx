import { Card } from "@/components/ui/card";
import { formatRelativeTime } from "@/lib/format";
import type { OrderSurvey } from "@/lib/surveys/list-surveys";
import { AnswerSurveyForm } from "./survey-forms";

const goals = { yes: "Yes", partly: "Partly", no: "No" } as const;

/** The order's metrics survey: the advertiser answers it once; both sides read the answers. */
export function SurveyPanel({
  survey,
  side,
  orderId,
  now,
}: {
  survey: OrderSurvey | null;
  side: "staff" | "advertiser";
  orderId: number;
  now: Date;
}) {
  if (!survey) return null;
  return (
    <Card title="Campaign results survey">
      <div id="survey" className="space-y-3 text-sm">
        {survey.answeredAt ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-ink-muted">Rating</dt>
            <dd>{survey.rating} of 5</dd>
            <dt className="text-ink-muted">Goals met</dt>
            <dd>{survey.goalsMet ? goals[survey.goalsMet] : "—"}</dd>
            <dt className="text-ink-muted">Results</dt>
            <dd className="whitespace-pre-wrap">{survey.results || "—"}</dd>
            <dt className="text-ink-muted">Answered</dt>
            <dd>{formatRelativeTime(survey.answeredAt, now)}</dd>
          </dl>
        ) : side === "advertiser" ? (
          <AnswerSurveyForm orderId={orderId} />
        ) : (
          <p className="text-ink-muted">Sent {formatRelativeTime(survey.sentAt, now)}; not answered yet.</p>
        )}
      </div>
    </Card>
  );
}
