import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { advertiserUsers, digestItems, outboxEmails } from "@/db/schema";
import { Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { requestFeedback } from "@/lib/feedback/request-feedback";
import { sendMessage } from "@/lib/messages/send-message";
import { inRollback } from "@/test/db";
import { addOrder, ctxFor, testNow } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff, makeUser } from "@/test/fixtures/tenants";
import { getNotificationPreferences, saveNotificationPreferences } from "./notification-preferences";
import { orderRecipientOptions, setOrderRecipients } from "./order-recipients";
import { sendDigests } from "./send-digests";

async function setup(tx: Transaction) {
  const publisher = await makePublisher(tx);
  const staff = await makeStaff(tx, publisher.id, "admin");
  const a = await makeAdvertiser(tx, publisher.id);
  // A second person at the same advertiser.
  const colleague = await makeUser(tx);
  await tx.insert(advertiserUsers).values({ advertiserId: a.advertiser.id, userId: colleague.id });
  const order = await addOrder(tx, { publisherId: publisher.id, advertiserId: a.advertiser.id });
  return { publisher, staff, a, colleague, order };
}

const mailTo = async (tx: Transaction, orderId: number) =>
  (await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, orderId))).map((m) => m.to).sort();

describe("notification preferences and recipients", () => {
  it("a person who muted messages gets no message email, still gets drafts; their colleague gets both", () =>
    inRollback(async (tx) => {
      const { staff, a, colleague, order } = await setup(tx);
      expect(await getNotificationPreferences(ctxFor(a.actor, tx))).toEqual({ muted: [], digest: false });
      await saveNotificationPreferences(ctxFor(a.actor, tx), {
        wanted: ["status", "feedback", "changes", "proofs"],
      });
      expect(await getNotificationPreferences(ctxFor(a.actor, tx))).toEqual({
        muted: ["messages"],
        digest: false,
      });
      await sendMessage(ctxFor(staff, tx), { orderId: order.id, body: "Hello" });
      expect(await mailTo(tx, order.id)).toEqual([colleague.email]);
      await requestFeedback(ctxFor(staff, tx), { orderId: order.id, body: "Draft 1" });
      expect(await mailTo(tx, order.id)).toEqual([a.user.email, colleague.email, colleague.email].sort());
    }));

  it("daily digest: emails are held, then sent together once the oldest is a day old, and only once", () =>
    inRollback(async (tx) => {
      const { staff, a, order } = await setup(tx);
      await saveNotificationPreferences(ctxFor(a.actor, tx), {
        wanted: ["status", "messages", "feedback", "changes", "proofs"],
        digest: "on",
      });
      await sendMessage(ctxFor(staff, tx), { orderId: order.id, body: "First" });
      await sendMessage(ctxFor(staff, tx), { orderId: order.id, body: "Second" });
      expect((await mailTo(tx, order.id)).filter((to) => to === a.user.email)).toEqual([]);
      const held = await tx.select().from(digestItems).where(eq(digestItems.orderId, order.id));
      expect(held.filter((h) => h.to === a.user.email)).toHaveLength(2);
      const hour = 60 * 60 * 1000;
      // Held emails carry the database's clock; the digest clock is passed in, so the test moves it.
      const written = held[0].createdAt.getTime();
      expect(await sendDigests(tx, new Date(written + 23 * hour))).toBe(0);
      const sent = await sendDigests(tx, new Date(written + 25 * hour));
      expect(sent).toBeGreaterThanOrEqual(1);
      const digest = (await tx.select().from(outboxEmails).where(eq(outboxEmails.to, a.user.email))).filter(
        (m) => m.subject.startsWith("Your AdDesk digest"),
      );
      expect(digest).toHaveLength(1);
      expect(digest[0].subject).toBe("Your AdDesk digest: 2 updates");
      expect(digest[0].text).toContain("First");
      expect(digest[0].text).toContain("Second");
      expect(await sendDigests(tx, new Date(written + 26 * hour))).toBe(0);
    }));

  it("per-order recipients: only the chosen people of a side are emailed; advertisers and strangers cannot choose", () =>
    inRollback(async (tx) => {
      const { publisher, staff, a, colleague, order } = await setup(tx);
      await setOrderRecipients(ctxFor(staff, tx), { orderId: order.id, advertiserIds: [colleague.id] });
      const options = await orderRecipientOptions(ctxFor(staff, tx), { orderId: order.id });
      expect(options.advertiser.map((o) => [o.userId, o.chosen]).sort()).toEqual(
        [
          [a.user.id, false],
          [colleague.id, true],
        ].sort(),
      );
      await sendMessage(ctxFor(staff, tx), { orderId: order.id, body: "Only for the chosen" });
      expect(await mailTo(tx, order.id)).toEqual([colleague.email]);

      await expect(
        setOrderRecipients(ctxFor(a.actor, tx), { orderId: order.id, advertiserIds: [a.user.id] }),
      ).rejects.toBeInstanceOf(Forbidden);
      const stranger = await makeStaff(tx, (await makePublisher(tx)).id, "admin");
      await expect(
        setOrderRecipients(ctxFor(stranger, tx), { orderId: order.id, advertiserIds: [] }),
      ).rejects.toBeInstanceOf(NotFound);
      const outsider = await makeAdvertiser(tx, publisher.id);
      await expect(
        setOrderRecipients(ctxFor(staff, tx), { orderId: order.id, advertiserIds: [outsider.user.id] }),
      ).rejects.toBeInstanceOf(Invalid);
      // Choosing nobody goes back to everyone.
      await setOrderRecipients(ctxFor(staff, tx), { orderId: order.id });
      await sendMessage(ctxFor(staff, tx), { orderId: order.id, body: "Everyone again" });
      expect((await mailTo(tx, order.id)).filter((to) => to === a.user.email)).toHaveLength(1);
    }));

  it("refuses unknown kinds of email", () =>
    inRollback(async (tx) => {
      const { a } = await setup(tx);
      await expect(
        saveNotificationPreferences(ctxFor(a.actor, tx, testNow), { wanted: ["bogus"] as never }),
      ).rejects.toThrow();
    }));
});
