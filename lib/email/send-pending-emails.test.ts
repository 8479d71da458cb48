import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makePublisher } from "@/test/fixtures/tenants";
import { enqueueEmail } from "./enqueue-email";
import { sendPendingEmails } from "./send-pending-emails";

const received: string[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    let data = "";
    stream.on("data", (chunk) => {
      data += chunk;
    });
    stream.on("end", () => {
      received.push(data);
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

describe("sending the outbox over SMTP", () => {
  it("delivers pending emails to the SMTP server and marks them sent", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const { id } = await enqueueEmail(tx, {
        publisherId: pub.id,
        to: "ada@example.test",
        subject: "Order approved: Spring sale",
        text: "Your inventory is reserved.",
      });
      const result = await sendPendingEmails(tx);
      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(
        received.some(
          (m) => m.includes("Subject: Order approved: Spring sale") && m.includes("ada@example.test"),
        ),
      ).toBe(true);
      const [row] = await tx.select().from(outboxEmails).where(eq(outboxEmails.id, id));
      expect(row.status).toBe("sent");
      expect((await sendPendingEmails(tx)).sent).toBe(0);
    });
  });
});
