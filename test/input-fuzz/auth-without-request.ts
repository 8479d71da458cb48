import { CredentialsSignin } from "next-auth";
import { db } from "@/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

/**
 * `@/lib/auth` for tests that run server actions outside a request: Auth.js sets its cookie
 * through next/headers, which needs a real request, so signing in here checks the
 * credentials exactly as the credentials provider does and stops there.
 */
export async function authWithoutRequest(importOriginal: () => Promise<typeof import("@/lib/auth")>) {
  return {
    ...(await importOriginal()),
    signIn: async (_provider: string, credentials: { email: string; password: string }) => {
      if (!(await verifyCredentials(db, credentials, "test"))) throw new CredentialsSignin();
    },
  };
}
