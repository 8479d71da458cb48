import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advertisers, outboxEmails, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { makePublicCtx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { inRollback } from "@/test/db";
import { makePublisher } from "@/test/fixtures/tenants";
import { signUpAdvertiser, signUpAdvertiserInput } from "./sign-up-advertiser";

const valid = (slug: string) =>
  signUpAdvertiserInput.parse({
    publisherSlug: slug,
    company: "Acme Shoes",
    name: "Ada Lovelace",
    email: " Ada@Acme.test ",
    password: "correct horse battery",
  });

describe("signUpAdvertiser", () => {
  it("creates a user who can sign in, their company and a welcome email", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const { advertiserId } = await signUpAdvertiser(makePublicCtx(null, { db: tx }), valid(pub.slug));
      const [adv] = await tx.select().from(advertisers).where(eq(advertisers.id, advertiserId));
      expect(adv).toMatchObject({
        publisherId: pub.id,
        company: "Acme Shoes",
        contactEmail: "ada@acme.test",
      });
      const [mail] = await tx.select().from(outboxEmails).where(eq(outboxEmails.to, "ada@acme.test"));
      expect(mail.subject).toContain(pub.name);
      // A greeting and a direct link to the portal, not just "you can now book".
      expect(mail.text).toMatch(/^Hi \S/);
      expect(mail.text).toContain(`${appUrl()}/advertiser/orders`);
      const user = await verifyCredentials(
        tx,
        { email: "ada@acme.test", password: "correct horse battery" },
        "1.1.1.1",
      );
      expect(user?.email).toBe("ada@acme.test");
      expect(
        await verifyCredentials(tx, { email: "ada@acme.test", password: "wrong password!" }, "1.1.1.1"),
      ).toBeNull();
    });
  });

  it("refuses a duplicate email with a message on the email field, creating nothing", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      await signUpAdvertiser(makePublicCtx(null, { db: tx }), valid(pub.slug));
      const before = (await tx.select({ n: count() }).from(advertisers))[0].n;
      await expect(signUpAdvertiser(makePublicCtx(null, { db: tx }), valid(pub.slug))).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      });
      expect((await tx.select({ n: count() }).from(advertisers))[0].n).toBe(before);
      expect((await tx.select({ n: count() }).from(users).where(eq(users.email, "ada@acme.test")))[0].n).toBe(
        1,
      );
    });
  });

  it("explains what is wrong with malformed input, field by field", () => {
    const result = signUpAdvertiserInput.safeParse({
      publisherSlug: "x",
      company: "",
      name: "A",
      email: "not-an-email",
      password: "short",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["email", "Enter a valid email address, like name@example.com."],
        ["password", "Use at least 10 characters for your password."],
        ["company", "Enter your company name."],
      ]),
    );
  });

  it("refuses an unknown publisher", async () => {
    await inRollback(async (tx) => {
      await expect(
        signUpAdvertiser(makePublicCtx(null, { db: tx }), valid("no-such-publisher")),
      ).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
});
