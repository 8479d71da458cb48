import { describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/core/context";
import { inviteStaff, inviteStaffInput } from "@/lib/team/invite-staff";
import { inRollback } from "@/test/db";
import { emailedToken } from "@/test/fixtures/email";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { enqueueEmail } from "./enqueue-email";
import { listOutbox } from "./list-outbox";

describe("the staff mail view", () => {
  it("shows invitations only to owners and admins, and never their link in full", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      await inviteStaff(
        makeCtx(owner, { db: tx }),
        inviteStaffInput.parse({ email: "next.owner@example.test", role: "owner" }),
      );
      await enqueueEmail(tx, {
        publisherId: pub.id,
        to: "ads@example.test",
        subject: "Order approved",
        text: "Your order is approved.",
      });
      const token = await emailedToken(tx, "next.owner@example.test", "invite");

      for (const role of ["viewer", "sales_manager"] as const) {
        const staff = await makeStaff(tx, pub.id, role);
        const mails = await listOutbox(makeCtx(staff, { db: tx }));
        expect(mails.map((m) => m.subject)).toEqual(["Order approved"]);
      }
      for (const role of ["owner", "admin"] as const) {
        const staff = await makeStaff(tx, pub.id, role);
        const mails = await listOutbox(makeCtx(staff, { db: tx }));
        const invitation = mails.find((m) => m.to === "next.owner@example.test");
        expect(invitation?.text).toContain(`/invite/${token.slice(0, 4)}…`);
        expect(invitation?.text).not.toContain(token);
      }
    });
  });

  it("masks a secret link even in an email that was not marked as one", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      await enqueueEmail(tx, {
        publisherId: pub.id,
        to: "old@example.test",
        subject: "Old invitation",
        text: "Join: http://localhost:3000/invite/abcdEFGHijklMNOP_-1234 today",
      });
      const viewer = await makeStaff(tx, pub.id, "viewer");
      const [mail] = await listOutbox(makeCtx(viewer, { db: tx }));
      expect(mail.text).toBe("Join: http://localhost:3000/invite/abcd… today");
    });
  });
});
