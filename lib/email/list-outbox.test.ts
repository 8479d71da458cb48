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
        const mails = (await listOutbox(makeCtx(staff, { db: tx }))).emails;
        expect(mails.map((m) => m.subject)).toEqual(["Order approved"]);
      }
      for (const role of ["owner", "admin"] as const) {
        const staff = await makeStaff(tx, pub.id, role);
        const mails = (await listOutbox(makeCtx(staff, { db: tx }))).emails;
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
      const [mail] = (await listOutbox(makeCtx(viewer, { db: tx }))).emails;
      expect(mail.text).toBe("Join: http://localhost:3000/invite/abcd… today");
    });
  });

  it("pages through every email, newest first, and finds one by subject or recipient", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      for (let n = 1; n <= 60; n++) {
        await enqueueEmail(tx, {
          publisherId: pub.id,
          to: n === 3 ? "old.friend@example.test" : `ads${n}@example.test`,
          subject: `Order approved: Campaign ${n}`,
          text: "Hi,",
        });
      }
      const ctx = makeCtx(await makeStaff(tx, pub.id, "viewer"), { db: tx });
      const first = await listOutbox(ctx);
      expect(first).toMatchObject({ total: 60, page: 1, pageSize: 25 });
      expect(first.emails[0].subject).toBe("Order approved: Campaign 60");
      const last = await listOutbox(ctx, { page: "3" });
      expect(last.emails.map((m) => m.subject)).toEqual(
        [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => `Order approved: Campaign ${n}`),
      );
      const byRecipient = await listOutbox(ctx, { q: "OLD.friend" });
      expect(byRecipient.emails.map((m) => m.to)).toEqual(["old.friend@example.test"]);
      const bySubject = await listOutbox(ctx, { q: "Campaign 1" });
      expect(bySubject.total).toBe(11);
      expect((await listOutbox(ctx, { q: "100%" })).total).toBe(0);
    });
  });
});
