import { Card } from "@/components/ui/card";
import type { OrderReview } from "@/lib/reviews/list-reviews";
import { ReviewForm } from "./review-form";

const sideName = { publisher: "The publisher", advertiser: "The advertiser" };

/** Both sides' reviews of a completed order, and the form for the side that has not reviewed yet. */
export function ReviewsPanel({
  reviews,
  orderId,
  side,
  canWrite,
}: {
  reviews: OrderReview[];
  orderId: number;
  side: "publisher" | "advertiser";
  canWrite: boolean;
}) {
  const mine = reviews.some((r) => r.side === side);
  return (
    <Card title="Reviews">
      <div className="space-y-3">
        {reviews.length === 0 && <p className="text-sm text-ink-muted">No reviews yet.</p>}
        {reviews.length > 0 && (
          <ul className="space-y-2">
            {reviews.map((r) => (
              <li key={r.id} className="text-sm">
                <p className="font-medium text-ink">
                  {sideName[r.side]} ({r.authorName}): {r.rating} of 5
                </p>
                {r.comment && <p className="whitespace-pre-wrap text-ink">{r.comment}</p>}
              </li>
            ))}
          </ul>
        )}
        {canWrite && !mine && <ReviewForm orderId={orderId} />}
      </div>
    </Card>
  );
}
