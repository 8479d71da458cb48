import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { invitations, memberships, outboxEmails } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import type { Actor } from "@/lib/core/actor";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { acceptInvitation } from "./accept-invitation";
import { inviteStaff, inviteStaffInput } from "./invite-staff";
import { listTeam } from "./list-team";

const now = new Date("2030-01-01T12:00:00Z");
const day = 86_400_000;
/** Someone opening the invitation link: signed out unless `signedIn` is given. */
const visitor = (tx: Transaction, at = now, signedIn: Actor | null = null) =>
  makePublicCtx(signedIn, { db: tx, now: at });

describe("staff invitations", () => {
  it("an admin invites a sales manager who joins through the emailed link, once", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const admin = await makeStaff(tx, pub.id, "admin");
      const ctx = makeCtx(admin, { db: tx, now });
      const input = inviteStaffInput.parse({
        email: "Sam@Example.test",
        role: "sales_manager",
        permissions: ["confirm_sales"],
      });
      const invited = await inviteStaff(ctx, input);
      expect(invited).not.toHaveProperty("link");
      const [mail] = await tx.select().from(outboxEmails).where(eq(outboxEmails.to, "sam@example.test"));
      expect(mail.kind).toBe("invitation");
      expect(mail.text).toContain("Accept within 7 days (until Jan 8, 2030, 12:00 PM UTC)");
      const token = await emailedToken(tx, "sam@example.test", "invite");
      const [stored] = await tx.select().from(invitations).where(eq(invitations.id, invited.invitationId));
      expect(stored.tokenHash).not.toContain(token);

      const joined = await acceptInvitation(visitor(tx), { token, name: "Sam", password: "a long password" });
      const [membership] = await tx.select().from(memberships).where(eq(memberships.userId, joined.userId));
      expect(membership).toMatchObject({
        publisherId: pub.id,
        role: "sales_manager",
        permissions: ["confirm_sales"],
      });
      expect(
        await verifyCredentials(tx, { email: "sam@example.test", password: "a long password" }, "ip"),
      ).not.toBeNull();
      await expect(
        acceptInvitation(visitor(tx), { token, name: "Sam", password: "a long password" }),
      ).rejects.toMatchObject({
        status: 409,
        message:
          "This invitation has already been used or has expired. Ask your team's admin to send a new one.",
      });
      const team = await listTeam(ctx);
      expect(team.members.map((m) => m.email)).toContain("sam@example.test");
    });
  });

  it("refuses invitations from sales managers and viewers, and owner invitations from admins", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const input = inviteStaffInput.parse({ email: "x@example.test", role: "viewer" });
      for (const role of ["sales_manager", "viewer"] as const) {
        const actor = await makeStaff(tx, pub.id, role);
        await expect(inviteStaff(makeCtx(actor, { db: tx }), input)).rejects.toMatchObject({
          code: "forbidden",
        });
      }
      const admin = await makeStaff(tx, pub.id, "admin");
      await expect(
        inviteStaff(makeCtx(admin, { db: tx }), { ...input, role: "owner" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  it("an expired invitation cannot be used", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      await inviteStaff(
        makeCtx(owner, { db: tx, now }),
        inviteStaffInput.parse({ email: "late@example.test", role: "viewer" }),
      );
      const token = await emailedToken(tx, "late@example.test", "invite");
      const accept = (at: Date) =>
        acceptInvitation(visitor(tx, at), { token, name: "Late", password: "a long password" });
      await expect(accept(new Date(now.getTime() + 7 * day + 1000))).rejects.toMatchObject({ status: 409 });
      expect(await accept(new Date(now.getTime() + 7 * day - 1000))).toMatchObject({
        email: "late@example.test",
      });
    });
  });

  it("someone signed in with another account cannot take an invitation, and it stays usable", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const viewer = await makeStaff(tx, pub.id, "viewer");
      await inviteStaff(
        makeCtx(owner, { db: tx, now }),
        inviteStaffInput.parse({ email: "new.owner@example.test", role: "owner" }),
      );
      const token = await emailedToken(tx, "new.owner@example.test", "invite");
      const input = { token, name: "Mallory", password: "the viewer's password" };
      await expect(acceptInvitation(visitor(tx, now, viewer), input)).rejects.toMatchObject({
        status: 403,
        message:
          "This invitation is for new.owner@example.test, and you are signed in with another account. Sign out, then open the link again.",
      });
      const [viewerMembership] = await tx
        .select()
        .from(memberships)
        .where(eq(memberships.userId, viewer.userId));
      expect(viewerMembership.role).toBe("viewer");

      const joined = await acceptInvitation(visitor(tx), { ...input, name: "Nora" });
      expect(joined.email).toBe("new.owner@example.test");
    });
  });

  it("a missing or malformed token is a 4xx naming the field, not an error", async () => {
    await inRollback(async (tx) => {
      await expect(
        // @ts-expect-error the token is missing, as in a truncated link
        reported(acceptInvitation(visitor(tx), { name: "X", password: "a long password" })),
      ).rejects.toMatchObject({ status: 422, fieldErrors: { token: [expect.any(String)] } });
    });
  });

  it("staff of one publisher never see another publisher's team", async () => {
    await inRollback(async (tx) => {
      const a = await makePublisher(tx);
      const b = await makePublisher(tx);
      const adminA = await makeStaff(tx, a.id, "admin");
      const adminB = await makeStaff(tx, b.id, "admin");
      const teamA = await listTeam(makeCtx(adminA, { db: tx }));
      expect(teamA.members.map((m) => m.id)).not.toContain(
        (await tx.select().from(memberships).where(eq(memberships.userId, adminB.userId)))[0].id,
      );
    });
  });
});
