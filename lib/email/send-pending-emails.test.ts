import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { outboxEmails } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makePublisher } from "@/test/fixtures/tenants";
import { enqueueEmail } from "./enqueue-email";
import {
  claimPendingEmails,
  emailClaimLeaseMs,
  finishEmailClaim,
  sendPendingEmails,
} from "./send-pending-emails";

const received: string[] = [];
/** Called while the SMTP server holds a message, before it answers: lets a test look at the outbox mid-send. */
let duringDelivery: (() => Promise<void>) | undefined;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  closeTimeout: 100,
  onData(stream, _session, callback) {
    let data = "";
    stream.on("data", (chunk) => {
      data += chunk;
    });
    stream.on("end", async () => {
      received.push(data);
      if (data.includes("Subject: Slow")) {
        setTimeout(() => callback(), 1500);
        return;
      }
      await duringDelivery?.();
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function queue(tx: Transaction, subject: string) {
  const pub = await makePublisher(tx);
  return enqueueEmail(tx, {
    publisherId: pub.id,
    to: "ada@example.test",
    subject,
    text: "Your inventory is reserved.",
  });
}
const row = async (tx: Transaction, id: number) =>
  (await tx.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0];

describe("sending the outbox over SMTP", () => {
  it("delivers pending emails to the SMTP server and marks them sent", async () => {
    await inRollback(async (tx) => {
      const { id } = await queue(tx, "Order approved: Spring sale");
      const result = await sendPendingEmails(tx);
      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(
        received.some(
          (m) => m.includes("Subject: Order approved: Spring sale") && m.includes("ada@example.test"),
        ),
      ).toBe(true);
      expect((await row(tx, id)).status).toBe("sent");
      expect((await sendPendingEmails(tx)).sent).toBe(0);
    });
  });

  it("has already committed its claim while the SMTP server is receiving the email", async () => {
    await inRollback(async (tx) => {
      const { id } = await queue(tx, "Invoice INV-7 is ready");
      let seen: Awaited<ReturnType<typeof row>> | undefined;
      duringDelivery = async () => {
        seen = await row(tx, id);
      };
      try {
        await sendPendingEmails(tx);
      } finally {
        duringDelivery = undefined;
      }
      expect(seen?.status).toBe("sending");
      expect(seen?.claimToken).toBeTruthy();
      const after = await row(tx, id);
      expect(after.status).toBe("sent");
      expect(after.claimToken).toBeNull();
    });
  });

  it("gives up on a slow SMTP server after the timeout and leaves the email to retry", async () => {
    await inRollback(async (tx) => {
      const { id } = await queue(tx, "Slow receipt");
      const result = await sendPendingEmails(tx, { sendTimeoutMs: 300 });
      expect(result.failed).toBe(1);
      const after = await row(tx, id);
      expect(after.status).toBe("pending");
      expect(after.attempts).toBe(1);
      expect(after.lastError).toMatch(/300 ms|timeout/i);
    });
  });

  it("retries an email whose sender crashed only once the lease has run out", async () => {
    await inRollback(async (tx) => {
      // On PostgreSQL the workers share one database, and other files commit pending emails
      // (the demo seed's, older than ours); counting sends exactly needs this email alone.
      await tx
        .update(outboxEmails)
        .set({ status: "sent" })
        .where(inArray(outboxEmails.status, ["pending", "sending"]));
      const { id } = await queue(tx, "Payment received");
      const t0 = new Date("2026-12-01T10:00:00Z");
      // A sender claims the email and dies before sending it.
      const [claimed] = await claimPendingEmails(tx, { token: "crashed", now: t0, limit: 50 });
      expect(claimed.id).toBe(id);

      const early = new Date(t0.getTime() + emailClaimLeaseMs - 1000);
      expect((await sendPendingEmails(tx, { now: () => early })).sent).toBe(0);
      expect((await row(tx, id)).status).toBe("sending");

      const late = new Date(t0.getTime() + emailClaimLeaseMs + 1000);
      expect((await sendPendingEmails(tx, { now: () => late })).sent).toBe(1);
      const after = await row(tx, id);
      expect(after.status).toBe("sent");
      expect(after.attempts).toBe(2);

      // The crashed sender waking up cannot overwrite what the second sender recorded.
      expect(await finishEmailClaim(tx, claimed, "crashed", { error: "late" })).toBe(false);
      expect((await row(tx, id)).status).toBe("sent");
    });
  });
});
