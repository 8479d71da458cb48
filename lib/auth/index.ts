import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { authSecret } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { clientIpHeader } from "./client-ip";
import { verifyCredentials } from "./verify-credentials";

/** Carries the limiter's own message (which says how long to wait) through Auth.js to the sign-in action. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly reason: RateLimited) {
    super(reason.message);
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ip = request.headers.get(clientIpHeader) ?? "unknown";
        try {
          return await verifyCredentials(db, credentials, ip);
        } catch (error) {
          if (error instanceof RateLimited) throw new TooManyAttempts(error);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
