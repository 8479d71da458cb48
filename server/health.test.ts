import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { migrationsApplied } from "@/db/migration-status";
import { ready } from "@/test/db";
import { createHealthHandler, type ReadinessChecks } from "./health";

let server: Server | undefined;
afterEach(() => server?.close());

async function start(checks: Partial<ReadinessChecks> = {}) {
  const handle = createHealthHandler({
    database: async () => {},
    migrationsApplied: async () => true,
    jobRunner: () => "alive",
    ...checks,
  });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("health checks", () => {
  it("answers /healthz while the process is up, whatever the database says", async () => {
    const base = await start({ database: () => Promise.reject(new Error("down")) });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await fetch(`${base}/other`)).status).toBe(418);
  });

  it("/readyz is ready only with the database up, migrations applied and the job runner alive or off", async () => {
    expect(await (await fetch(`${await start()}/readyz`)).json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", jobs: "alive" },
    });
    server?.close();
    expect((await fetch(`${await start({ jobRunner: () => "off" })}/readyz`)).status).toBe(200);
    server?.close();
    const down = await fetch(`${await start({ database: () => Promise.reject(new Error("down")) })}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()).checks.database).toBe("unreachable");
    server?.close();
    const behind = await fetch(`${await start({ migrationsApplied: async () => false })}/readyz`);
    expect(behind.status).toBe(503);
    expect((await behind.json()).checks.migrations).toBe("pending");
    server?.close();
    expect((await fetch(`${await start({ jobRunner: () => "stalled" })}/readyz`)).status).toBe(503);
  });

  it("sees a migrated database as having every migration", async () => {
    await ready();
    expect(await migrationsApplied(db)).toBe(true);
  });
});
