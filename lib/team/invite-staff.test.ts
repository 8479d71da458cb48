import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, outboxEmails } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { makePublisher, makeStaff } from "@/test/factories";
import { acceptInvitation } from "./accept-invitation";
import { inviteStaff, inviteStaffInput } from "./invite-staff";
import { listTeam } from "./list-team";

const now = new Date("2030-01-01T12:00:00Z");

describe("staff invitations", () => {
  it("an admin invites a sales manager who joins through the emailed link", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const admin = await makeStaff(tx, pub.id, "admin");
      const ctx = makeCtx(admin, { db: tx, now });
      const input = inviteStaffInput.parse({
        email: "Sam@Example.test",
        role: "sales_manager",
        permissions: ["confirm_sales"],
      });
      const { link } = await inviteStaff(ctx, input);
      const [mail] = await tx.select().from(outboxEmails).where(eq(outboxEmails.to, "sam@example.test"));
      expect(mail.text).toContain(link);
      const token = link.split("/invite/")[1];

      const joined = await acceptInvitation(tx, { token, name: "Sam", password: "a long password" }, now);
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
        acceptInvitation(tx, { token, name: "Sam", password: "a long password" }, now),
      ).rejects.toMatchObject({
        code: "not_found",
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
      const admin = await makeStaff(tx, pub.id, "owner");
      const { link } = await inviteStaff(
        makeCtx(admin, { db: tx, now }),
        inviteStaffInput.parse({ email: "late@example.test", role: "viewer" }),
      );
      const token = link.split("/invite/")[1];
      const eightDaysLater = new Date(now.getTime() + 8 * 86_400_000);
      await expect(
        acceptInvitation(tx, { token, name: "Late", password: "a long password" }, eightDaysLater),
      ).rejects.toMatchObject({ code: "not_found" });
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
