import { eq } from "drizzle-orm";
import { db } from "@/db";
import { orders, quotes } from "@/db/schema";
import type { Actor, ActorRole } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { inviteStaff } from "@/lib/team/invite-staff";
import { ready } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { emailedToken } from "@/test/fixtures/email";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { makeStaff, makeStaffWithPassword } from "@/test/fixtures/tenants";

/**
 * A small desk committed to the (per-worker, throwaway) test database: orders in several
 * states, creatives, a quote and an open invitation, plus the values real requests carry
 * (their ids, days, emails), so fuzzed inputs reach the verbs, not only the schemas.
 */
export async function makeFuzzWorld() {
  await ready();
  const desk = await makeDesk(db);
  const owner = await makeStaff(db, desk.publisher.id, "owner");
  const made = await db.transaction(async (tx) => {
    const pending = await makePendingOrder(tx, desk, [{}, { zoneId: desk.cpd.id, quantity: undefined }]);
    const approved = await makePendingOrder(
      tx,
      desk,
      [{ startDate: "2030-01-20", endDate: "2030-01-21" }],
      "approved",
    );
    const quoted = await makePendingOrder(tx, desk, [{ startDate: "2030-01-25", endDate: "2030-01-26" }]);
    await tx.update(orders).set({ status: "quoted" }).where(eq(orders.id, quoted.order.id));
    await tx.insert(quotes).values({
      publisherId: desk.publisher.id,
      orderId: quoted.order.id,
      price: 5000,
      plan: "A plan of services.",
      terms: "",
      status: "sent",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    const creative = await addCreative(
      tx,
      {
        publisherId: desk.publisher.id,
        advertiserId: desk.advertiser.id,
        lineItemId: approved.lineItems[0].id,
      },
      { kind: "html", mimeType: "text/html", body: "<p>Hi</p>", clickUrl: "https://example.test/" },
    );
    return { pending, approved, quoted, creativeId: creative.id };
  });
  await inviteStaff(makeCtx(owner), { email: "new-staff@example.test", role: "viewer", permissions: [] });
  const token = await emailedToken(db, "new-staff@example.test", "invite");

  const fixtureOrders = [made.pending, made.approved, made.quoted];
  const lineItemIds = fixtureOrders.flatMap((o) => o.lineItems.map((li) => li.id));
  const ids = [
    desk.publisher.id,
    desk.property.id,
    desk.cpm.id,
    desk.cpd.id,
    desk.advertiser.id,
    desk.admin.userId,
    desk.sales.userId,
    made.creativeId,
    ...fixtureOrders.map((o) => o.order.id),
    ...lineItemIds,
  ];
  const asText = (values: number[]) => [...values, ...values.map(String)];
  const days = ["2030-01-10", "2030-01-11", "2030-01-20", "2031-06-01"];
  const byKey: [RegExp, unknown[]][] = [
    [/^orderId$|^id$/, asText(fixtureOrders.map((o) => o.order.id))],
    [/^lineItemIds?$|^cancelLineItemIds$|^lineItem$/, asText(lineItemIds)],
    [/^zoneId$|^zone$/, asText([desk.cpm.id, desk.cpd.id])],
    [/^creativeId$/, asText([made.creativeId])],
    [/^advertiserId$/, asText([desk.advertiser.id])],
    [/^propertyId$/, asText([desk.property.id])],
    [/^salesManagerId$/, asText([desk.sales.userId])],
    [/^version$/, [1, "1", 2]],
    [/ids?$/i, asText(ids)],
    [/date|day|^from$|^to$|expiresOn|completion/i, days],
    [/countries/, ["US", "GB", "US,GB", ["US"], ["US", "GB"]]],
    // Not the invited address: an account made for it would turn the invitation into a password check.
    [/email/i, ["new-person@example.test", "someone@example.test"]],
    [/password/i, ["correct horse battery staple"]],
    [/url/i, ["https://example.test/landing"]],
    [/slug/i, [desk.publisher.slug]],
    [/token/, [token]],
    [/csv/, [`line_item_id,day,impressions,clicks\n${lineItemIds[0]},2030-01-20,10,1\n`]],
    [/price/, ["1250.00"]],
    [/quantity|impressions|clicks|rate|page/i, [1, 10, 1000, "25"]],
    [/^status$/, ["live", "approved", "pending_review", "needs_review"]],
    [/^source$/, ["manual", "self_serve"]],
    [/^sort$/, ["createdAt", "total", "label", "impressions"]],
    [/^dir$/, ["asc", "desc"]],
    [/^group$/, ["day", "zone", "line_item"]],
  ];
  const anything = ["A name for this", "A reason long enough to read.", "US", "normal", ...days, ...ids];
  /** Values real requests send for a field of this name. */
  const plausibleFor = (key: string): unknown[] =>
    byKey.find(([pattern]) => pattern.test(key))?.[1] ?? anything;

  const password = "correct horse battery staple";
  // Someone of the desk who can really sign in.
  const { user: signedUp } = await makeStaffWithPassword(db, desk.publisher.id, "viewer", password);
  const lineItem = { zoneId: desk.cpm.id, countries: ["US"], startDate: "2030-01-12", endDate: "2030-01-13" };
  const [approvedItem] = made.approved.lineItems;
  /**
   * A valid input for each action (by its export name), as its form sends it: fuzzing
   * changes a field or two of these, the way a tampered request would.
   */
  const examples: Record<string, unknown> = {
    login: { email: signedUp.email, password },
    signUp: {
      publisherSlug: desk.publisher.slug,
      company: "Fuzz Co",
      name: "Ada Fuzz",
      email: "fuzz@example.test",
      password,
    },
    acceptInvite: { token, name: "New Staff", password },
    uploadCreativeAction: {
      kind: "text",
      name: "Ad",
      headline: "Hi",
      text: "There",
      clickUrl: "https://example.test/",
    },
    replaceCreativeAction: {
      creativeId: made.creativeId,
      kind: "html",
      html: "<p>v2</p>",
      clickUrl: "https://example.test/",
    },
    assignCreativeAction: { creativeId: made.creativeId, lineItemIds: [approvedItem.id] },
    submitBookingAction: { name: "Fuzz booking", lineItems: [{ ...lineItem, quantity: 1000 }] },
    cancelOrderAction: { orderId: made.pending.order.id },
    acceptQuoteAction: { orderId: made.quoted.order.id },
    declineQuoteAction: { orderId: made.quoted.order.id, reason: "Too dear." },
    lineItemPauseAction: { orderId: made.approved.order.id, lineItemId: approvedItem.id, action: "pause" },
    approveCreativeAction: { creativeId: made.creativeId },
    rejectCreativeAction: { creativeId: made.creativeId, reason: "Blurry." },
    recordDeliveryAction: {
      lineItemId: approvedItem.id,
      day: "2026-11-30",
      impressions: "1,200",
      clicks: "3",
    },
    previewDeliveryImportAction: {
      csv: `line_item_id,day,impressions,clicks\n${approvedItem.id},2030-01-20,10,1\n`,
    },
    commitDeliveryImportAction: {
      csv: `line_item_id,day,impressions,clicks\n${approvedItem.id},2030-01-20,10,1\n`,
    },
    orderAction: { orderId: made.approved.order.id, action: "pause" },
    approveOrderAction: { orderId: made.pending.order.id, version: 1 },
    rejectOrderAction: { orderId: made.pending.order.id, reason: "Not this month." },
    lineItemAction: { orderId: made.approved.order.id, lineItemId: approvedItem.id, action: "pause" },
    bulkOrderAction: { ids: [made.approved.order.id, made.pending.order.id], action: "archive" },
    duplicateOrderAction: { orderId: made.approved.order.id, startDate: "2030-01-22" },
    createManualOrderAction: {
      advertiserId: desk.advertiser.id,
      name: "Fuzz manual",
      propertyId: desk.property.id,
      lineItems: [{ ...lineItem, quantity: 500, rate: 900 }],
    },
    sendQuoteAction: {
      orderId: made.pending.order.id,
      price: "10.00",
      plan: "A plan of services.",
      expiresOn: "2030-01-01",
    },
    invite: { email: "fuzz-staff@example.test", role: "viewer" },
  };

  const actors: Record<"staff" | "advertiser", Actor> = { staff: owner, advertiser: desk.advertiserActor };
  /** An actor allowed to call an action with these roles (null for public actions). */
  const actorFor = (roles: readonly ActorRole[] | "public"): Actor | null => {
    if (roles === "public") return null;
    return roles.includes("owner") ? owner : roles.includes("advertiser") ? desk.advertiserActor : null;
  };
  return { desk, owner, ...made, token, plausibleFor, examples, actors, actorFor };
}

export type FuzzWorld = Awaited<ReturnType<typeof makeFuzzWorld>>;
