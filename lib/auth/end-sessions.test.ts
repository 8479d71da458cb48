import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { makeAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { endSessions } from "./end-sessions";
import { loadActor } from "./load-actor";
import { sessionVersionOf } from "./session-version";

describe("ending sessions", () => {
  it("a session issued before endSessions reads as signed out; a new sign-in works", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const staff = await makeStaff(tx, pub.id, "admin");
      const { actor: advertiser } = await makeAdvertiser(tx, pub.id);
      for (const { userId, kind } of [staff, advertiser]) {
        const issued = { userId, sessionVersion: (await sessionVersionOf(tx, userId))! };
        expect(await loadActor(tx, issued)).toMatchObject({ kind, userId });

        await endSessions(tx, userId);
        expect(await loadActor(tx, issued)).toBeNull();
        const renewed = { userId, sessionVersion: (await sessionVersionOf(tx, userId))! };
        expect(await loadActor(tx, renewed)).toMatchObject({ kind, userId });
      }
    });
  });

  it("ending one person's sessions leaves everyone else signed in", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const a = await makeStaff(tx, pub.id, "viewer");
      const b = await makeStaff(tx, pub.id, "viewer");
      const bSession = { userId: b.userId, sessionVersion: (await sessionVersionOf(tx, b.userId))! };
      await endSessions(tx, a.userId);
      expect(await loadActor(tx, bSession)).toMatchObject({ userId: b.userId });
    });
  });

  it("a forged version from the future is not accepted either", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const staff = await makeStaff(tx, pub.id, "owner");
      const version = (await sessionVersionOf(tx, staff.userId))!;
      expect(await loadActor(tx, { userId: staff.userId, sessionVersion: version + 1 })).toBeNull();
    });
  });
});
