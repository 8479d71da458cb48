import { and, asc, inArray, isNull, lte } from "drizzle-orm";
import type { Queryable } from "@/db";
import { digestItems } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";

const day = 24 * 60 * 60 * 1000;

/**
 * Sends each person's daily digest: once their oldest held email is a day old, everything
 * held for them goes out in one email (so nobody gets more than one digest a day). Rows
 * are claimed with SKIP LOCKED so two scheduler instances never send one twice.
 */
export async function sendDigests(db: Queryable, now: Date): Promise<number> {
  const due = await db
    .selectDistinct({ userId: digestItems.userId })
    .from(digestItems)
    .where(and(isNull(digestItems.sentAt), lte(digestItems.createdAt, new Date(now.getTime() - day))));
  let sent = 0;
  for (const { userId } of due) {
    await db.transaction(async (tx) => {
      const items = await tx
        .select()
        .from(digestItems)
        .where(and(inArray(digestItems.userId, [userId]), isNull(digestItems.sentAt)))
        .orderBy(asc(digestItems.createdAt), asc(digestItems.id))
        .for("update", { skipLocked: true });
      if (items.length === 0) return;
      await enqueueEmail(tx, {
        publisherId: items[0].publisherId,
        to: items[0].to,
        subject: `Your AdDesk digest: ${items.length} update${items.length === 1 ? "" : "s"}`,
        text: [
          `Here is what happened on your orders since your last digest (${items.length}):`,
          ...items.flatMap((item) => ["", `— ${item.subject}`, "", item.text]),
        ].join("\n"),
      });
      await tx
        .update(digestItems)
        .set({ sentAt: now })
        .where(
          inArray(
            digestItems.id,
            items.map((i) => i.id),
          ),
        );
      sent++;
    });
  }
  return sent;
}
