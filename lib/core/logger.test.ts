import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, loggablePath, scrubCredentials, withRequestId } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger(stream, "info"), lines };
}

describe("the operational logger", () => {
  it("writes JSON lines with the request id of the request they were written for", async () => {
    const { log, lines } = capture();
    await withRequestId("req-123", async () => {
      await Promise.resolve();
      log.info({ orderId: 7 }, "approved");
    });
    log.info("outside any request");
    expect(lines[0]).toMatchObject({ level: 30, msg: "approved", orderId: 7, requestId: "req-123" });
    expect(typeof lines[0].time).toBe("string");
    expect(lines[1].requestId).toBeUndefined();
  });

  it("never writes passwords, tokens, secrets or credentials in connection strings", () => {
    const { log, lines } = capture();
    log.info(
      {
        password: "hunter2",
        user: { email: "a@b.test", passwordHash: "scrypt$abc" },
        req: { headers: { authorization: "Bearer sk_live_123", cookie: "session=abc" } },
        config: {
          DATABASE_URL: "postgres://app:pw@db/addesk",
          AUTH_SECRET: "s3cr3t",
          SMTP_URL: "smtp://u:p@mail",
        },
      },
      "connecting to postgres://app:topsecret@db:5432/addesk",
    );
    log.error({ err: new Error("connect failed for postgresql://admin:hunter3@10.0.0.1/x") }, "down");
    const text = JSON.stringify(lines);
    for (const secret of [
      "hunter2",
      "scrypt$abc",
      "sk_live_123",
      "session=abc",
      ":pw@",
      "s3cr3t",
      "u:p@",
      "topsecret",
      "hunter3",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      password: "[redacted]",
      user: { email: "a@b.test", passwordHash: "[redacted]" },
      msg: "connecting to postgres://app:***@db:5432/addesk",
    });
    expect(text).toContain("postgresql://admin:***@10.0.0.1/x");
  });

  it("logs request paths without query strings or the tokens of one-time links", () => {
    expect(loggablePath("/reset-password/AbCdEfGhIjKlMnOp?next=/x")).toBe("/reset-password/AbCd…");
    expect(loggablePath("/invite/Zz99TokenTokenToken")).toBe("/invite/Zz99…");
    expect(loggablePath("/publisher/orders/12?q=secret")).toBe("/publisher/orders/12");
  });

  it("scrubs only the password of a URL", () => {
    expect(scrubCredentials("smtp://mailer:pa55@smtp.example:587 and https://example.com/a:b@c")).toBe(
      "smtp://mailer:***@smtp.example:587 and https://example.com/a:b@c",
    );
  });
});
