import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { advertiserUsers, memberships, orderRecipients, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { invalidField } from "@/lib/core/errors";
import { requirePerson, requireStaffWriter } from "@/lib/core/require-actor";
import { id, idList } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export type RecipientOption = { userId: number; name: string; email: string; chosen: boolean };

/**
 * Who may get this order's emails on each side (the publisher's team, the advertiser's
 * active people) and who is chosen. Nobody chosen on a side means that side's usual people.
 */
export async function orderRecipientOptions(ctx: Ctx, input: { orderId: number }) {
  const actor = requirePerson(ctx.actor);
  const { order } = await getOrderForActorOrThrow(ctx.db, actor, input.orderId);
  const chosen = await ctx.db
    .select({ userId: orderRecipients.userId })
    .from(orderRecipients)
    .where(and(eq(orderRecipients.orderId, order.id), eq(orderRecipients.publisherId, order.publisherId)));
  const isChosen = (userId: number) => chosen.some((c) => c.userId === userId);
  const staff = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.publisherId, order.publisherId))
    .orderBy(users.name);
  const advertiser = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(advertiserUsers)
    .innerJoin(users, eq(users.id, advertiserUsers.userId))
    .where(and(eq(advertiserUsers.advertiserId, order.advertiserId), isNull(advertiserUsers.deactivatedAt)))
    .orderBy(users.name);
  const mark = (list: typeof staff) => list.map((u) => ({ ...u, chosen: isChosen(u.userId) }));
  // Advertisers see who on their own side is emailed, not the publisher's team.
  return { staff: actor.kind === "staff" ? mark(staff) : [], advertiser: mark(advertiser) };
}

export const setOrderRecipientsInput = z.object({
  orderId: id(),
  staffIds: idList({ max: 200, message: "Choose people of your team." }),
  advertiserIds: idList({ max: 200, message: "Choose people of the advertiser." }),
});
export type setOrderRecipientsInput = z.input<typeof setOrderRecipientsInput>;

/** Staff choose who gets this order's emails on each side; an empty side goes back to its usual people. */
export async function setOrderRecipients(ctx: Ctx, input: setOrderRecipientsInput) {
  const actor = requireStaffWriter(ctx.actor);
  const data = setOrderRecipientsInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order } = loaded;
    const options = await orderRecipientOptions({ ...ctx, db: tx }, { orderId: order.id });
    const unknownStaff = data.staffIds.filter((u) => !options.staff.some((o) => o.userId === u));
    if (unknownStaff.length) throw invalidField("staffIds", "Choose people of your team.");
    const unknownAdvertiser = data.advertiserIds.filter(
      (u) => !options.advertiser.some((o) => o.userId === u),
    );
    if (unknownAdvertiser.length) throw invalidField("advertiserIds", "Choose people of the advertiser.");
    await tx
      .delete(orderRecipients)
      .where(and(eq(orderRecipients.orderId, order.id), eq(orderRecipients.publisherId, order.publisherId)));
    const rows = [
      ...[...new Set(data.staffIds)].map((userId) => ({ userId, side: "publisher" as const })),
      ...[...new Set(data.advertiserIds)].map((userId) => ({ userId, side: "advertiser" as const })),
    ];
    if (rows.length) {
      await tx
        .insert(orderRecipients)
        .values(rows.map((r) => ({ ...r, orderId: order.id, publisherId: order.publisherId })));
    }
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "recipients_changed",
      payload: { staffIds: [...new Set(data.staffIds)], advertiserIds: [...new Set(data.advertiserIds)] },
      at: ctx.now,
    });
    return { orderId: order.id, chosen: rows.length };
  });
}
