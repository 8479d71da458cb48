import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { memberships, outboxEmails, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import type { StaffActor } from "@/lib/core/actor";
import { makeCtx, makePublicCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { reported } from "@/test/refusal";
import { acceptInvitation } from "./accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { inviteStaff } from "./invite-staff";
import { listTeam } from "./list-team";
import { removeMember } from "./remove-member";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";

const now = new Date("2030-01-01T12:00:00Z");

async function membershipOf(tx: Transaction, actor: StaffActor) {
  const [row] = await tx.select().from(memberships).where(eq(memberships.userId, actor.userId));
  return row;
}

async function newestMailTo(tx: Transaction, userId: number) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  const [mail] = await tx
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, user.email))
    .orderBy(desc(outboxEmails.id));
  return mail;
}

describe("changing a team member's role", () => {
  it("an admin makes a sales manager a viewer with a permission; the member's next request has the new role and they are emailed", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const admin = await makeStaff(tx, pub.id, "admin");
      const sam = await makeStaff(tx, pub.id, "sales_manager", ["confirm_sales"]);
      const { id: membershipId } = await membershipOf(tx, sam);

      const changed = await changeMemberRole(makeCtx(admin, { db: tx, now }), {
        membershipId,
        role: "viewer",
        permissions: ["overbook", "overbook"],
      });

      expect(changed).toMatchObject({ role: "viewer", permissions: ["overbook"] });
      expect(await loadActor(tx, { userId: sam.userId, sessionVersion: 0 })).toMatchObject({
        kind: "staff",
        role: "viewer",
        permissions: ["overbook"],
      });
      const mail = await newestMailTo(tx, sam.userId);
      expect(mail.text).toContain("from sales manager (confirm sales) to viewer (overbook)");
      expect(mail.text).toMatch(/http\S+\/publisher\/team/);
    });
  });

  it("admins cannot make owners or change owners, nobody changes their own role, and sales managers change nothing", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const admin = await makeStaff(tx, pub.id, "admin");
      const sales = await makeStaff(tx, pub.id, "sales_manager");
      const viewer = await makeStaff(tx, pub.id, "viewer");
      const viewerId = (await membershipOf(tx, viewer)).id;
      const ownerId = (await membershipOf(tx, owner)).id;
      const asAdmin = makeCtx(admin, { db: tx, now });

      await expect(
        changeMemberRole(asAdmin, { membershipId: viewerId, role: "owner" }),
      ).rejects.toMatchObject({ status: 403, message: "Only an owner can make someone an owner." });
      await expect(
        changeMemberRole(asAdmin, { membershipId: ownerId, role: "viewer" }),
      ).rejects.toMatchObject({ status: 403, message: "Only an owner can change another owner's role." });
      await expect(
        changeMemberRole(makeCtx(owner, { db: tx, now }), { membershipId: ownerId, role: "admin" }),
      ).rejects.toMatchObject({
        status: 403,
        message: "You cannot change your own role. Ask another owner or admin.",
      });
      await expect(
        changeMemberRole(makeCtx(sales, { db: tx, now }), { membershipId: viewerId, role: "admin" }),
      ).rejects.toMatchObject({ status: 403 });

      expect((await membershipOf(tx, owner)).role).toBe("owner");
      expect((await membershipOf(tx, viewer)).role).toBe("viewer");
      // An owner may make another member an owner.
      await changeMemberRole(makeCtx(owner, { db: tx, now }), { membershipId: viewerId, role: "owner" });
      expect((await membershipOf(tx, viewer)).role).toBe("owner");
    });
  });

  it("another publisher's member is not found, and bad input names its field", async () => {
    await inRollback(async (tx) => {
      const a = await makePublisher(tx);
      const b = await makePublisher(tx);
      const adminA = await makeStaff(tx, a.id, "admin");
      const memberB = await makeStaff(tx, b.id, "viewer");
      const ctx = makeCtx(adminA, { db: tx, now });
      await expect(
        changeMemberRole(ctx, { membershipId: (await membershipOf(tx, memberB)).id, role: "admin" }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        reported(changeMemberRole(ctx, { membershipId: 2 ** 31, role: "admin" })),
      ).rejects.toMatchObject({ status: 422, fieldErrors: { membershipId: [expect.any(String)] } });
      await expect(
        // @ts-expect-error a role that does not exist
        reported(changeMemberRole(ctx, { membershipId: 1, role: "boss" })),
      ).rejects.toMatchObject({ status: 422, fieldErrors: { role: ["Choose a role."] } });
      expect((await membershipOf(tx, memberB)).role).toBe("viewer");
    });
  });
});

describe("removing a team member", () => {
  it("the membership goes and every session of theirs ends; they are told by email", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const leaving = await makeStaff(tx, pub.id, "sales_manager");
      const claims = { userId: leaving.userId, sessionVersion: 0 };
      expect(await loadActor(tx, claims)).not.toBeNull();

      const removed = await removeMember(makeCtx(owner, { db: tx, now }), {
        membershipId: (await membershipOf(tx, leaving)).id,
      });

      expect(removed.name).toBe("Test User");
      expect(await membershipOf(tx, leaving)).toBeUndefined();
      expect(await loadActor(tx, claims)).toBeNull();
      const team = await listTeam(makeCtx(owner, { db: tx }));
      expect(team.members.map((m) => m.userId)).not.toContain(leaving.userId);
      expect((await newestMailTo(tx, leaving.userId)).subject).toMatch(/^You were removed from /);
    });
  });

  it("admins cannot remove owners and nobody removes themselves", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const admin = await makeStaff(tx, pub.id, "admin");
      const ownerId = (await membershipOf(tx, owner)).id;
      await expect(
        removeMember(makeCtx(admin, { db: tx, now }), { membershipId: ownerId }),
      ).rejects.toMatchObject({ status: 403, message: "Only an owner can remove another owner." });
      await expect(
        removeMember(makeCtx(owner, { db: tx, now }), { membershipId: ownerId }),
      ).rejects.toMatchObject({
        status: 403,
        message: "You cannot remove yourself. Ask another owner or admin.",
      });
      expect(await membershipOf(tx, owner)).toBeDefined();
      expect(await loadActor(tx, { userId: owner.userId, sessionVersion: 0 })).not.toBeNull();
    });
  });
});

describe("managing invitations", () => {
  it("resending sends a new link and the old one stops working", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const admin = await makeStaff(tx, pub.id, "admin");
      const ctx = makeCtx(admin, { db: tx, now });
      const { invitationId } = await inviteStaff(ctx, { email: "kim@example.test", role: "viewer" });
      const oldToken = await emailedToken(tx, "kim@example.test", "invite");

      const later = new Date(now.getTime() + 6 * 86_400_000);
      const resent = await resendInvitation(makeCtx(admin, { db: tx, now: later }), { invitationId });
      expect(resent.expiresAt).toEqual(new Date(later.getTime() + 7 * 86_400_000));
      const newToken = await emailedToken(tx, "kim@example.test", "invite");
      expect(newToken).not.toBe(oldToken);

      const visitor = makePublicCtx(null, { db: tx, now: later });
      const input = { name: "Kim", password: "a long password" };
      await expect(acceptInvitation(visitor, { ...input, token: oldToken })).rejects.toMatchObject({
        status: 409,
      });
      expect(await acceptInvitation(visitor, { ...input, token: newToken })).toMatchObject({
        email: "kim@example.test",
      });
      // Accepted: there is nothing left to resend or withdraw.
      await expect(resendInvitation(ctx, { invitationId })).rejects.toMatchObject({ status: 404 });
    });
  });

  it("withdrawing kills the link; only owners withdraw owner invitations; another publisher's invitation is not found", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const other = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const admin = await makeStaff(tx, pub.id, "admin");
      const otherAdmin = await makeStaff(tx, other.id, "admin");
      const asOwner = makeCtx(owner, { db: tx, now });
      const invited = await inviteStaff(asOwner, { email: "lee@example.test", role: "owner" });
      const token = await emailedToken(tx, "lee@example.test", "invite");

      await expect(revokeInvitation(makeCtx(admin, { db: tx, now }), invited)).rejects.toMatchObject({
        status: 403,
      });
      await expect(revokeInvitation(makeCtx(otherAdmin, { db: tx, now }), invited)).rejects.toMatchObject({
        status: 404,
      });
      await revokeInvitation(asOwner, invited);

      await expect(
        acceptInvitation(makePublicCtx(null, { db: tx, now }), {
          token,
          name: "Lee",
          password: "a long password",
        }),
      ).rejects.toMatchObject({ status: 409 });
      expect((await listTeam(asOwner)).pending).toHaveLength(0);
    });
  });
});
