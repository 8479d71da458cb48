import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { jobs } from "@/db/schema";
import { inRollback } from "@/test/db";
import { claimJob } from "./claim-job";
import { enqueueJob } from "./enqueue-job";
import { runClaimedJob } from "./run-claimed-job";

const now = new Date("2030-01-10T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function statusOf(tx: Transaction, uniqueKey: string) {
  const [row] = await tx.select().from(jobs).where(eq(jobs.uniqueKey, uniqueKey));
  return row;
}

/** A marker the handler writes, to see whether its work committed. */
const markers = (tx: Transaction) =>
  tx.execute(sql`select count(*)::int as n from jobs where kind = 'marker'`).then((r) => Number(r.rows[0].n));
const writeMarker = (key: string) => async (tx: Transaction) => {
  await enqueueJob(tx, { kind: "marker", uniqueKey: key, runAt: later(3600) });
};

describe("jobs runner claims", () => {
  it("claims one due job at a time, each with its own token", async () => {
    await inRollback(async (tx) => {
      await enqueueJob(tx, { kind: "a", uniqueKey: "a:1", runAt: now });
      await enqueueJob(tx, { kind: "a", uniqueKey: "a:2", runAt: now });
      const first = await claimJob(tx, { now });
      const second = await claimJob(tx, { now });
      expect(first?.uniqueKey).toBe("a:1");
      expect(second?.uniqueKey).toBe("a:2");
      expect(first?.claimToken).not.toBe(second?.claimToken);
      expect(await claimJob(tx, { now })).toBeNull();
    });
  });

  it("a worker whose lease ran out and was taken over neither marks the job done nor keeps its work", async () => {
    await inRollback(async (tx) => {
      await enqueueJob(tx, { kind: "slow", uniqueKey: "slow:1", runAt: now });
      const stale = await claimJob(tx, { now, leaseSeconds: 60 });
      const takeover = await claimJob(tx, { now: later(61) });
      expect(takeover?.id).toBe(stale?.id);
      expect(await runClaimedJob(tx, stale!, writeMarker("marker:stale"), later(62))).toBe("lost");
      expect(await markers(tx)).toBe(0);
      expect((await statusOf(tx, "slow:1")).status).toBe("running");
      expect(await runClaimedJob(tx, takeover!, writeMarker("marker:new"), later(63))).toBe("done");
      expect(await markers(tx)).toBe(1);
      expect((await statusOf(tx, "slow:1")).status).toBe("done");
    });
  });

  it("a failure reported on a lost claim does not touch the job the new holder runs", async () => {
    await inRollback(async (tx) => {
      await enqueueJob(tx, { kind: "flaky", uniqueKey: "flaky:1", runAt: now });
      const stale = await claimJob(tx, { now, leaseSeconds: 60 });
      const takeover = await claimJob(tx, { now: later(61) });
      const boom = async () => {
        throw new Error("boom");
      };
      expect(await runClaimedJob(tx, stale!, boom, later(62))).toBe("lost");
      const row = await statusOf(tx, "flaky:1");
      expect(row).toMatchObject({ status: "running", lastError: null, claimToken: takeover!.claimToken });
      expect(await runClaimedJob(tx, takeover!, boom, later(63))).toBe("retry");
      expect(await statusOf(tx, "flaky:1")).toMatchObject({ status: "pending", lastError: "boom" });
    });
  });
});
