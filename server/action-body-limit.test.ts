import { readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionBodyLimitBytes } from "@/lib/core/request-limits";
import { refuseOversizedAction } from "./action-body-limit";

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (refuseOversizedAction(req, res)) return;
    req.resume().on("end", () => res.writeHead(200).end("next"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Announces `length` bytes but sends only a few: a refusal must come from the headers alone. */
function post(length: number, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        port,
        host: "127.0.0.1",
        method: "POST",
        path: "/advertiser/creatives",
        headers: { ...headers, "content-length": String(length) },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    if (length <= 1024) req.end("x".repeat(length));
    else req.write("x".repeat(1024));
  });
}

describe("a server action body over the limit", () => {
  it("is a 413 saying what the limit is, answered before the body is read", async () => {
    const { status, body } = await post(actionBodyLimitBytes + 1, { "next-action": "abc123" });
    expect(status).toBe(413);
    expect(body).toBe("The upload is 6.01 MB; an upload can be at most 6 MB.\n");
  });

  it("within the limit, or not an action, goes on to Next.js", async () => {
    expect((await post(10, { "next-action": "abc123" })).status).toBe(200);
    expect((await post(10, {})).status).toBe(200);
  });

  it("is the limit next.config.mjs gives Next.js", () => {
    const config = readFileSync(new URL("../next.config.mjs", import.meta.url), "utf8");
    const megabytes = Number(/bodySizeLimit: "(\d+)mb"/.exec(config)?.[1]);
    expect(megabytes * 1024 * 1024).toBe(actionBodyLimitBytes);
  });
});
