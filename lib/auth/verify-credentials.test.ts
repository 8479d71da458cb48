import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { makeUser } from "@/test/factories";
import { hashPassword } from "./hash-password";
import { loginLimits } from "./rate-limit-login";
import { verifyCredentials } from "./verify-credentials";

describe("verifyCredentials", () => {
  it("blocks an account after too many failures, even with the right password", async () => {
    await inRollback(async (tx) => {
      const user = await makeUser(tx, { passwordHash: await hashPassword("the right password") });
      const attempt = (password: string, ip: string) =>
        verifyCredentials(tx, { email: user.email, password }, ip);
      expect(await attempt("the right password", "10.0.0.1")).not.toBeNull();
      for (let i = 0; i < loginLimits.perAccount; i++) {
        expect(await attempt(`wrong ${i}`, `10.0.1.${i}`)).toBeNull();
      }
      await expect(attempt("the right password", "10.0.0.1")).rejects.toMatchObject({ code: "rate_limited" });
    });
  });

  it("treats unknown emails and malformed input as wrong credentials", async () => {
    await inRollback(async (tx) => {
      expect(
        await verifyCredentials(tx, { email: "nobody@example.test", password: "whatever1" }, "ip"),
      ).toBeNull();
      expect(await verifyCredentials(tx, { email: "not an email", password: "" }, "ip")).toBeNull();
      expect(await verifyCredentials(tx, null, "ip")).toBeNull();
    });
  });
});
