import { like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobs } from "@/db/schema";
import { driver, ready } from "@/test/db";
import { claimJob } from "./claim-job";
import { enqueueJob } from "./enqueue-job";
import { runClaimedJob } from "./run-claimed-job";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: workers claiming jobs side by side need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

// Due long ago, so these workers claim only this test's jobs, never another test's.
const now = new Date("2000-01-02T00:00:00Z");
const prefix = `race-${process.pid}-${Date.now()}`;

describe.skipIf(!onPostgres)("three workers draining one queue (PostgreSQL)", () => {
  afterAll(async () => {
    await db.delete(jobs).where(like(jobs.uniqueKey, `${prefix}:%`));
  });

  it("runs every due job exactly once, with no job waiting behind another worker's batch", async () => {
    await ready();
    for (let i = 0; i < 30; i++)
      await enqueueJob(db, { kind: "race", uniqueKey: `${prefix}:${i}`, runAt: new Date("2000-01-01") });
    const ran: string[] = [];
    const worker = async (name: string) => {
      for (let job = await claimJob(db, { now }); job; job = await claimJob(db, { now })) {
        const key = job.uniqueKey;
        const outcome = await runClaimedJob(
          db,
          job,
          async () => {
            await new Promise((resolve) => setTimeout(resolve, 10));
            ran.push(`${name}:${key}`);
          },
          now,
        );
        expect(outcome).toBe("done");
      }
    };
    await Promise.all([worker("a"), worker("b"), worker("c")]);
    const keys = ran.map((entry) => entry.slice(2)).sort();
    expect(keys).toEqual([...new Set(keys)]);
    expect(keys).toHaveLength(30);
    // Claiming one at a time spreads the work: every worker ran some.
    expect(new Set(ran.map((entry) => entry[0])).size).toBe(3);
    const rows = await db
      .select()
      .from(jobs)
      .where(like(jobs.uniqueKey, `${prefix}:%`));
    expect(rows.every((row) => row.status === "done" && row.claimToken === null)).toBe(true);
  });
});
