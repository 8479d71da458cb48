import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { changeRequests } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, optionalId, optionalText, version } from "@/lib/core/validation";
import { notifyByEmail } from "@/lib/feedback/notify-feedback";
import { formatMoney } from "@/lib/format/format-money";
import { staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { planChange, previewOf, proposalInput, storeProposal } from "./proposal";

export const maxNoteLength = 2000;

export const proposeChangeInput = z.object({
  orderId: id(),
  /** The order version the person saw: a proposal is made against what they looked at. */
  version: version(),
  /** The open proposal this one counters (it is closed as countered). */
  counterOf: optionalId(),
  note: optionalText({ max: maxNoteLength, tooLong: `Keep the note under ${maxNoteLength} characters.` }),
  ...proposalInput,
});
export type proposeChangeInput = z.input<typeof proposeChangeInput>;

export type ChangeSide = "publisher" | "advertiser";

export const sideOf = (actor: { kind: "staff" | "advertiser" }): ChangeSide =>
  actor.kind === "staff" ? "publisher" : "advertiser";

/**
 * Either side proposes a change to an order pending review or approved and not finished:
 * dates, quantities, countries, rate, line items added or removed. The proposal is checked
 * and priced now (so its price change is known), stored against the order's version, and
 * the other side is emailed. Countering closes the open proposal and makes this one instead.
 * One proposal is open per order at a time.
 */
export async function proposeChange(ctx: Ctx, input: proposeChangeInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = proposeChangeInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order } = loaded;
    if (order.version !== data.version) throw new Conflict(staleMessage);
    const side = sideOf(actor);
    const [open] = await tx
      .select()
      .from(changeRequests)
      .where(
        and(
          eq(changeRequests.orderId, order.id),
          eq(changeRequests.publisherId, order.publisherId),
          eq(changeRequests.status, "open"),
        ),
      );
    if (data.counterOf !== undefined) {
      if (!open || open.id !== data.counterOf) throw new NotFound(`Open change request #${data.counterOf}`);
      if (open.side === side)
        throw new Forbidden("You cannot counter your own proposal; withdraw it instead.");
    } else if (open) {
      throw new Conflict(
        `Change request #${open.id} is still open on this order: answer it (or counter it) first.`,
      );
    }
    const proposal = storeProposal(data, order.currency);
    const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
    const plan = await planChange(tx, loaded, proposal, today);
    // An advertiser adds only what the media kit's cart offers, as when booking.
    const offRateCard =
      side === "advertiser" ? plan.added.flatMap((li, i) => (li.zone.visible ? [] : [i])) : [];
    if (offRateCard.length) {
      throw new Invalid(
        "Please correct the highlighted changes.",
        Object.fromEntries(
          offRateCard.map((i) => [`add.${i}.zoneId`, ["Choose one of the zones on the rate card."]]),
        ),
      );
    }
    if (open) {
      await tx
        .update(changeRequests)
        .set({ status: "countered", answeredBy: actor.userId, answeredAt: ctx.now })
        .where(and(eq(changeRequests.id, open.id), eq(changeRequests.publisherId, order.publisherId)));
    }
    const [made] = await tx
      .insert(changeRequests)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        side,
        proposedBy: actor.userId,
        baseVersion: order.version,
        proposal: { ...proposal, preview: await previewOf(tx, order.publisherId, plan) },
        note: data.note ?? "",
        amountBefore: plan.amountBefore,
        amountAfter: plan.amountAfter,
        counterOf: open?.id ?? null,
        createdAt: ctx.now,
      })
      .returning({ id: changeRequests.id });
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: open ? "change_countered" : "change_proposed",
      payload: {
        changeRequestId: made.id,
        ...(open ? { counterOf: open.id } : {}),
        currency: order.currency,
        amountBefore: plan.amountBefore,
        amountAfter: plan.amountAfter,
      },
      at: ctx.now,
    });
    const difference = plan.amountAfter - plan.amountBefore;
    const price =
      difference === 0
        ? "The price stays the same."
        : `The price goes from ${formatMoney(plan.amountBefore, order.currency)} to ${formatMoney(plan.amountAfter, order.currency)}.`;
    await notifyByEmail(
      tx,
      loaded,
      side === "publisher" ? "advertiser" : "staff",
      {
        subject: `${open ? "Counter-proposal" : "Change proposed"} on order #${order.id} ${order.name}`,
        lines: [
          `${side === "publisher" ? loaded.publisher.name : "The advertiser"} ${open ? "countered with" : "proposed"} a change to order #${order.id} “${order.name}”. ${price}`,
          ...(data.note ? ["", data.note] : []),
          "",
          "Accept, decline or counter it on the order page:",
        ],
      },
      "changes",
      "changes",
    );
    return {
      changeRequestId: made.id,
      orderId: order.id,
      amountBefore: plan.amountBefore,
      amountAfter: plan.amountAfter,
    };
  });
}
