import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * Invitation and password reset links reach people only by email (no staff screen shows
 * them), so e2e receives AdDesk's mail like a person would: the app under test sends to
 * this SMTP server (playwright.config.ts sets SMTP_URL), and specs that need a link start
 * it for their duration. The app sends its outbox every JOBS_INTERVAL_MS (15 s by default).
 */
export const mailboxPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
export const mailboxUrl = `smtp://127.0.0.1:${mailboxPort}`;

type Received = { to: string[]; body: string };

/** Undoes quoted-printable soft line breaks and escapes, so a long link reads as one string. */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

export class Mailbox {
  private readonly received: Received[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData: (stream, session, callback) => {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        this.received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          body: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(mailboxPort, "127.0.0.1", () => {
        const { port } = this.server.server.address() as AddressInfo;
        if (port === mailboxPort) resolve();
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The newest `/invite/…` or `/reset-password/…` link sent to `to`, waiting for the app's mail pass. */
  async link(to: string, path: "invite" | "reset-password", timeoutMs = 60_000): Promise<string> {
    const pattern = new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]+`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const mail of [...this.received].reverse()) {
        const found = mail.to.includes(to.toLowerCase()) && mail.body.match(pattern)?.[0];
        if (found) return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no /${path}/ link was emailed to ${to} within ${timeoutMs / 1000} s`);
  }
}
