import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { withStartupLock } from "./migrate";

const server =
  process.env.MOVE_TEST_PG ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const reachable = await (async () => {
  const client = new Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
})();
if (!reachable) console.log("skipped: instances taking turns at start-up need a PostgreSQL server");

describe.skipIf(!reachable)("start-up on one PostgreSQL database", () => {
  it("lets instances starting together migrate and seed one after the other", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = server;
    const steps: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstIn!: () => void;
    const firstEntered = new Promise<void>((resolve) => {
      firstIn = resolve;
    });
    try {
      const first = withStartupLock(async () => {
        steps.push("first in");
        firstIn();
        await firstHolds;
        steps.push("first out");
      });
      await firstEntered;
      const second = withStartupLock(async () => {
        steps.push("second in");
      });
      // The second is waiting on the lock while the first holds it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(steps).toEqual(["first in"]);
      releaseFirst();
      await Promise.all([first, second]);
      expect(steps).toEqual(["first in", "first out", "second in"]);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
