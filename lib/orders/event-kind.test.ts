import { describe, expect, it } from "vitest";
import { eventKindsOf } from "./event-kind";

const event = (type: string, actorKind = "user", toStatus: string | null = null) => ({
  type,
  actorKind,
  fromStatus: null,
  toStatus,
});

describe("event kinds for the events log filter", () => {
  it("groups events by what they are about, and marks what the system did as automatic", () => {
    expect(eventKindsOf(event("approve", "user", "approved"))).toEqual(["status"]);
    expect(eventKindsOf(event("start", "system", "live"))).toEqual(["status", "automatic"]);
    expect(eventKindsOf(event("line_item_cancel"))).toEqual(["status"]);
    expect(eventKindsOf(event("message_sent"))).toEqual(["messages"]);
    expect(eventKindsOf(event("feedback_changes_requested"))).toEqual(["feedback"]);
    expect(eventKindsOf(event("change_accepted"))).toEqual(["changes"]);
    expect(eventKindsOf(event("payment_received"))).toEqual(["payments"]);
    expect(eventKindsOf(event("invoice_issued", "system"))).toEqual(["payments", "automatic"]);
    expect(eventKindsOf(event("creative_approved"))).toEqual(["creatives"]);
    expect(eventKindsOf(event("proof_added"))).toEqual(["delivery"]);
    expect(eventKindsOf(event("delivery_recorded", "api"))).toEqual(["delivery", "automatic"]);
    expect(eventKindsOf(event("review_written"))).toEqual([]);
  });
});
