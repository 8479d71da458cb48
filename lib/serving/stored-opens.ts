import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db as appDb, type Queryable } from "@/db";
import { newsletterOpens } from "@/db/schema";
import { logger } from "@/lib/core/logger";

export type ShownOpen = { lineItemId: number; creativeId: number };

type Row = typeof newsletterOpens.$inferInsert;

const dayMs = 24 * 60 * 60_000;

/**
 * Newsletter opens kept in the database, so a click finds the ad its open showed on any
 * instance and after a restart (the in-memory NewsletterOpens stays the fast path). Opens
 * are written in small batches a moment after the image is answered, not before: the
 * image already waits for its impression's commit and should not wait for a second write.
 * A click in that moment on another instance is the only one that cannot be matched.
 * Rows older than a day are deleted by the writer itself, at most once an hour.
 */
export class StoredOpens {
  private pending = new Map<string, Row>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private prunedAt = 0;

  constructor(
    private readonly db: Queryable = appDb,
    private readonly delayMs = 200,
    private readonly ttlMs = dayMs,
  ) {}

  remember(zoneId: number, openId: string, shown: ShownOpen, now: number) {
    this.pending.set(`${zoneId}|${openId}`, { zoneId, openId, ...shown, openedAt: new Date(now) });
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async recall(zoneId: number, openId: string, now: number): Promise<ShownOpen | null> {
    const waiting = this.pending.get(`${zoneId}|${openId}`);
    if (waiting) return { lineItemId: waiting.lineItemId, creativeId: waiting.creativeId };
    const [row] = await this.db
      .select({ lineItemId: newsletterOpens.lineItemId, creativeId: newsletterOpens.creativeId })
      .from(newsletterOpens)
      .where(
        and(
          eq(newsletterOpens.zoneId, zoneId),
          eq(newsletterOpens.openId, openId),
          gt(newsletterOpens.openedAt, new Date(now - this.ttlMs)),
        ),
      );
    return row ?? null;
  }

  /** Writes what is waiting (one statement), and the day-old rows go at most once an hour. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.write(rows).finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  private async write(rows: Row[]) {
    try {
      await this.db
        .insert(newsletterOpens)
        .values(rows)
        .onConflictDoUpdate({
          target: [newsletterOpens.zoneId, newsletterOpens.openId],
          set: {
            lineItemId: sql`excluded.line_item_id`,
            creativeId: sql`excluded.creative_id`,
            openedAt: sql`excluded.opened_at`,
          },
        });
      const newest = rows[rows.length - 1].openedAt as Date;
      if (newest.getTime() - this.prunedAt > 60 * 60_000) {
        this.prunedAt = newest.getTime();
        await this.db
          .delete(newsletterOpens)
          .where(lt(newsletterOpens.openedAt, new Date(newest.getTime() - this.ttlMs)));
      }
    } catch (err) {
      // Only the click-through of these opens is lost (it lands on the site, uncounted); the
      // impressions were committed before the images were answered.
      logger.warn({ err, opens: rows.length }, "newsletter opens not stored");
    }
  }
}
