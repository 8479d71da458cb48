import { Card } from "@/components/ui/card";
import type { FeedbackRound } from "@/lib/feedback/list-feedback";
import { formatRelativeTime } from "@/lib/format";
import { AnswerFeedbackForm, RequestFeedbackForm } from "./feedback-forms";

const statusText = {
  waiting: "Waiting for advertiser",
  approved: "Approved",
  changes_requested: "Changes requested",
};

/**
 * Drafts sent for the advertiser's feedback, round by round. Staff send the next draft when
 * none is waiting; the advertiser answers the waiting one.
 */
export function FeedbackPanel({
  rounds,
  waiting,
  now,
  orderId,
  side,
  lineItems = [],
  canWrite = true,
}: {
  rounds: FeedbackRound[];
  waiting: FeedbackRound | null;
  now: Date;
  orderId: number;
  side: "staff" | "advertiser";
  lineItems?: { id: number; label: string }[];
  canWrite?: boolean;
}) {
  return (
    <Card
      title="Drafts and feedback"
      actions={
        waiting ? (
          <span
            role="status"
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
          >
            {side === "advertiser" ? "Waiting for your feedback" : "Waiting for advertiser"}
          </span>
        ) : null
      }
    >
      <div id="feedback" className="space-y-4">
        {rounds.length === 0 ? (
          <p className="text-sm text-ink-muted">No drafts sent yet.</p>
        ) : (
          <ol className="space-y-3" aria-label="Feedback rounds">
            {rounds.map((r) => (
              <li key={r.id} className="text-sm">
                <p className="font-medium text-ink">
                  Draft {r.round}
                  {r.lineItemId ? ` · line item #${r.lineItemId}` : ""} · {statusText[r.status]}
                </p>
                <p className="text-xs text-ink-muted">
                  {r.requestedByName} · {formatRelativeTime(r.requestedAt, now)}
                </p>
                {r.body && <p className="whitespace-pre-wrap text-ink">{r.body}</p>}
                {r.fileName && (
                  <a
                    className="text-brand-700 underline"
                    href={`/files/feedback/${r.id}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {r.fileName}
                  </a>
                )}
                {r.answerComment && (
                  <p className="mt-1 whitespace-pre-wrap border-l-2 border-line-strong pl-2 text-ink">
                    Advertiser: {r.answerComment}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {side === "advertiser" && waiting && <AnswerFeedbackForm feedbackRequestId={waiting.id} />}
        {side === "staff" && canWrite && !waiting && (
          <RequestFeedbackForm orderId={orderId} lineItems={lineItems} />
        )}
      </div>
    </Card>
  );
}
