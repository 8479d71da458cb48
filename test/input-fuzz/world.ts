import { eq } from "drizzle-orm";
import { db } from "@/db";
import { creatives, lineItemCreatives, orders, quotes } from "@/db/schema";
import type { Actor, ActorRole } from "@/lib/auth/actor";
import { makeCtx } from "@/lib/context";
import { inviteStaff } from "@/lib/team/invite-staff";
import { ready } from "@/test/db";
import { makeStaff } from "@/test/factories";
import { makeDesk, makePendingOrder } from "@/test/order-fixtures";

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
    const [creative] = await tx
      .insert(creatives)
      .values({
        publisherId: desk.publisher.id,
        advertiserId: desk.advertiser.id,
        name: "Banner",
        kind: "html",
        mimeType: "text/html",
        body: "<p>Hi</p>",
        clickUrl: "https://example.test/",
      })
      .returning({ id: creatives.id });
    await tx
      .insert(lineItemCreatives)
      .values({ lineItemId: approved.lineItems[0].id, creativeId: creative.id });
    return { pending, approved, quoted, creativeId: creative.id };
  });
  const { link } = await inviteStaff(makeCtx(owner), {
    email: "new-staff@example.test",
    role: "viewer",
    permissions: [],
  });
  const token = link.split("/invite/")[1];

  const ids = [
    desk.publisher.id,
    desk.property.id,
    desk.cpm.id,
    desk.cpd.id,
    desk.advertiser.id,
    desk.admin.userId,
    desk.sales.userId,
    made.creativeId,
    ...[made.pending, made.approved, made.quoted].flatMap((o) => [
      o.order.id,
      ...o.lineItems.map((li) => li.id),
    ]),
  ];
  const days = ["2030-01-10", "2030-01-11", "2030-01-20", "2031-06-01"];
  const byKey: [RegExp, unknown[]][] = [
    [/ids?$|^lineItem$|^zone$/i, [...ids, ...ids.map(String)]],
    [/date|day|^from$|^to$|expiresOn|completion/i, days],
    [/countries/, ["US", "GB", "US,GB", ["US"], ["US", "GB"]]],
    [/email/i, ["new-person@example.test", "new-staff@example.test"]],
    [/password/i, ["correct horse battery staple"]],
    [/url/i, ["https://example.test/landing"]],
    [/slug/i, [desk.publisher.slug]],
    [/token/, [token]],
    [/csv/, [`line_item_id,day,impressions,clicks\n${made.approved.lineItems[0].id},2030-01-20,10,1\n`]],
    [/price/, ["1250.00"]],
    [/quantity|impressions|clicks|rate|page/i, [1, 10, 1000, "25"]],
  ];
  const anything = ["A name for this", "A reason long enough to read.", "US", "normal", ...days, ...ids];
  /** Values real requests send for a field of this name. */
  const plausibleFor = (key: string): unknown[] =>
    byKey.find(([pattern]) => pattern.test(key))?.[1] ?? anything;

  const actors: Record<"staff" | "advertiser", Actor> = { staff: owner, advertiser: desk.advertiserActor };
  /** An actor allowed to call an action with these roles (null for public actions). */
  const actorFor = (roles: readonly ActorRole[] | "public"): Actor | null => {
    if (roles === "public") return null;
    return roles.includes("owner") ? owner : roles.includes("advertiser") ? desk.advertiserActor : null;
  };
  return { desk, owner, ...made, token, plausibleFor, actors, actorFor };
}

export type FuzzWorld = Awaited<ReturnType<typeof makeFuzzWorld>>;
