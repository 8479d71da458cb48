export type ReviewStatus = "pending" | "approved" | "rejected";

/** What the serving decision needs to know about one creative linked to a line item. */
export type LinkedCreative = { reviewStatus: ReviewStatus; reviewReason: string | null };

export type LineItemCreativeState = { serving: boolean; reason: string | null };

/**
 * Whether a line item can serve as far as creatives go, and if not, why — in the words
 * the order page shows. One approved creative is enough; otherwise a pending one means
 * "wait for review" and only rejected ones mean the advertiser has something to fix.
 * A superseded version is never linked (its links moved to the newer version), so it
 * needs no case here.
 */
export function lineItemCreativeState(creatives: readonly LinkedCreative[]): LineItemCreativeState {
  if (creatives.length === 0) return { serving: false, reason: "No creative assigned" };
  if (creatives.some((c) => c.reviewStatus === "approved")) return { serving: true, reason: null };
  if (creatives.some((c) => c.reviewStatus === "pending")) {
    return { serving: false, reason: "Creative pending review" };
  }
  const reason = creatives.find((c) => c.reviewReason?.trim())?.reviewReason?.trim();
  return { serving: false, reason: reason ? `Creative rejected: ${reason}` : "Creative rejected" };
}
