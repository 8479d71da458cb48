import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { jobs, outboxEmails } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { Forbidden, NotFound } from "@/lib/core/errors";
import { listUnsentEmails } from "@/lib/email/list-unsent-emails";
import { retryEmail } from "@/lib/email/retry-email";
import { inRollback } from "@/test/db";
import { addOrder } from "@/test/fixtures/orders";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { listFailedJobs } from "./list-failed-jobs";
import { retryJob } from "./retry-job";

const now = new Date("2031-03-04T10:00:00Z");

async function twoDesks(tx: Transaction) {
  const mine = await makePublisher(tx);
  const theirs = await makePublisher(tx);
  const { advertiser } = await makeAdvertiser(tx, mine.id);
  const order = await addOrder(tx, { publisherId: mine.id, advertiserId: advertiser.id });
  const failed = { status: "failed" as const, attempts: 5, lastError: "boom", runAt: now };
  const [orderJob, publisherJob, otherJob, systemJob, pendingJob] = await tx
    .insert(jobs)
    .values([
      { kind: "start-line-item", uniqueKey: `t:${order.id}:a`, payload: { orderId: order.id }, ...failed },
      {
        kind: "extend-inventory-horizon",
        uniqueKey: `t:${mine.id}:b`,
        payload: { publisherId: mine.id },
        ...failed,
      },
      {
        kind: "extend-inventory-horizon",
        uniqueKey: `t:${theirs.id}:c`,
        payload: { publisherId: theirs.id },
        ...failed,
      },
      { kind: "maintenance", uniqueKey: `t:${mine.id}:d`, payload: {}, ...failed },
      { kind: "start-order", uniqueKey: `t:${order.id}:e`, payload: { orderId: order.id } },
    ])
    .returning();
  return { mine, theirs, order, orderJob, publisherJob, otherJob, systemJob, pendingJob };
}

describe("failed jobs on the operations page", () => {
  it("lists only this publisher's failed jobs (by publisher or order), to owners and admins", async () => {
    await inRollback(async (tx) => {
      const d = await twoDesks(tx);
      const admin = await makeStaff(tx, d.mine.id, "admin");
      const listed = await listFailedJobs(makeCtx(admin, { db: tx, now }));
      expect(listed.map((j) => j.id).sort()).toEqual([d.orderJob.id, d.publisherJob.id].sort());
      expect(listed[0]).toMatchObject({ lastError: "boom", attempts: 5 });
      const seller = await makeStaff(tx, d.mine.id, "sales_manager");
      await expect(listFailedJobs(makeCtx(seller, { db: tx, now }))).rejects.toThrow(Forbidden);
    });
  });

  it("Retry queues a failed job again, due now with fresh attempts; others' jobs and waiting ones are not found", async () => {
    await inRollback(async (tx) => {
      const d = await twoDesks(tx);
      const owner = await makeStaff(tx, d.mine.id, "owner");
      const ctx = makeCtx(owner, { db: tx, now });
      expect(await retryJob(ctx, { jobId: String(d.orderJob.id) })).toMatchObject({ id: d.orderJob.id });
      const [row] = await tx.select().from(jobs).where(eq(jobs.id, d.orderJob.id));
      expect(row).toMatchObject({ status: "pending", attempts: 0, runAt: now });
      for (const job of [d.otherJob, d.systemJob, d.pendingJob, d.orderJob]) {
        await expect(retryJob(ctx, { jobId: job.id })).rejects.toThrow(NotFound);
      }
      await expect(retryJob(ctx, { jobId: "x" })).rejects.toThrow(/Choose a job/);
      const [other] = await tx.select().from(jobs).where(eq(jobs.id, d.otherJob.id));
      expect(other.status).toBe("failed");
    });
  });
});

describe("unsent emails on the operations page", () => {
  it("lists failed and long-waiting emails of this publisher, and Retry sends a failed one again", async () => {
    await inRollback(async (tx) => {
      const mine = await makePublisher(tx);
      const theirs = await makePublisher(tx);
      const old = new Date(now.getTime() - 3600_000);
      const [failed, stuck, fresh, sent, foreign] = await tx
        .insert(outboxEmails)
        .values([
          {
            publisherId: mine.id,
            to: "a@x.test",
            subject: "Failed",
            text: "t",
            status: "failed",
            attempts: 5,
            lastError: "550 no such user",
            createdAt: old,
          },
          { publisherId: mine.id, to: "b@x.test", subject: "Stuck", text: "t", createdAt: old },
          { publisherId: mine.id, to: "c@x.test", subject: "Fresh", text: "t", createdAt: now },
          {
            publisherId: mine.id,
            to: "d@x.test",
            subject: "Sent",
            text: "t",
            status: "sent",
            createdAt: old,
          },
          {
            publisherId: theirs.id,
            to: "e@x.test",
            subject: "Theirs",
            text: "t",
            status: "failed",
            createdAt: old,
          },
        ])
        .returning();
      const admin = await makeStaff(tx, mine.id, "admin");
      const ctx = makeCtx(admin, { db: tx, now });
      const listed = await listUnsentEmails(ctx);
      expect(listed.map((m) => m.subject).sort()).toEqual(["Failed", "Stuck"]);
      expect(await retryEmail(ctx, { emailId: failed.id })).toMatchObject({ to: "a@x.test" });
      const [row] = await tx.select().from(outboxEmails).where(eq(outboxEmails.id, failed.id));
      expect(row).toMatchObject({ status: "pending", attempts: 0 });
      for (const mail of [stuck, fresh, sent, foreign]) {
        await expect(retryEmail(ctx, { emailId: mail.id })).rejects.toThrow(NotFound);
      }
      const viewer = await makeStaff(tx, mine.id, "viewer");
      await expect(listUnsentEmails(makeCtx(viewer, { db: tx, now }))).rejects.toThrow(Forbidden);
      await expect(retryEmail(makeCtx(viewer, { db: tx, now }), { emailId: failed.id })).rejects.toThrow(
        Forbidden,
      );
    });
  });
});
