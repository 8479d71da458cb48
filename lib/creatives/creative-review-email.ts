import { appUrl } from "@/lib/core/env";

/** The email an advertiser gets when a creative is reviewed. */
export function creativeReviewEmail(review: {
  decision: "approved" | "rejected";
  creative: { name: string; version: number };
  publisherName: string;
  advertiserName: string;
  reason?: string;
  replacedVersion?: number | null;
}): { subject: string; text: string } {
  const { creative, publisherName } = review;
  const label = `“${creative.name}”${creative.version > 1 ? ` (version ${creative.version})` : ""}`;
  const link = `${appUrl()}/advertiser/creatives`;
  if (review.decision === "approved") {
    const swap = review.replacedVersion
      ? `It now serves in place of version ${review.replacedVersion} on the same line items.`
      : "It serves on the line items it is assigned to.";
    return {
      subject: `Creative approved: ${creative.name}`,
      text: `Hello ${review.advertiserName},\n\n${publisherName} approved your creative ${label}. ${swap}\n\nYour creatives: ${link}`,
    };
  }
  return {
    subject: `Creative rejected: ${creative.name}`,
    text:
      `Hello ${review.advertiserName},\n\n${publisherName} rejected your creative ${label}.\n\n` +
      `Reason: ${review.reason ?? ""}\n\nUpload a new version to send it back to review: ${link}`,
  };
}
