import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { memberships, publishers, users } from "@/db/schema";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { DomainError } from "@/lib/core/errors";
import { driver, ready } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { acceptInvitation } from "./accept-invitation";
import { inviteStaff, inviteStaffInput } from "./invite-staff";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: concurrent invitation accepts need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

describe.skipIf(!onPostgres)("four simultaneous accepts of one invitation (PostgreSQL)", () => {
  let publisherId: number | undefined;
  const email = `race-${process.pid}-${Date.now()}@example.test`;

  afterAll(async () => {
    if (!publisherId) return;
    const staff = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.publisherId, publisherId));
    await db.delete(publishers).where(eq(publishers.id, publisherId));
    await db.delete(users).where(
      inArray(
        users.id,
        staff.map((s) => s.userId),
      ),
    );
  });

  it("one joins; the other three are told the invitation was used, and nothing else is written", async () => {
    await ready();
    // Committed data: each accept runs in its own transaction on its own connection.
    const token = await db.transaction(async (tx) => {
      const pub = await makePublisher(tx);
      publisherId = pub.id;
      const owner = await makeStaff(tx, pub.id, "owner");
      await inviteStaff(makeCtx(owner, { db: tx }), inviteStaffInput.parse({ email, role: "admin" }));
      return emailedToken(tx, email, "invite");
    });
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        acceptInvitation(makePublicCtx(null), { token, name: `Racer ${i}`, password: "a long password" }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const loss of lost) {
      expect(loss.reason).toBeInstanceOf(DomainError);
      expect(loss.reason.status).toBe(409);
      expect(loss.reason.message).toContain("already been used");
    }
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    const joined = await db.select().from(memberships).where(eq(memberships.publisherId, publisherId!));
    expect(joined.filter((m) => m.role === "admin")).toHaveLength(1);
  });
});
