import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { appUrl, authSecret } from "@/lib/core/env";
import { RateLimited } from "@/lib/core/errors";
import { authRedirectTarget } from "./auth-redirect";
import { clientIpHeader } from "./client-ip";
import { endSessions } from "./end-sessions";
import { sessionVersionOf } from "./session-version";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface Session {
    /** The users.session_version this session was issued with; loadActor compares it. */
    sessionVersion?: number;
  }
}

/** Carries the limiter's own message (which says how long to wait) through Auth.js to the sign-in action. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly reason: RateLimited) {
    super(reason.message);
  }
}

// Auth.js takes its public address from AUTH_URL, else from the request URL, which Next
// builds from the address the server is bound to (http://0.0.0.0:3000). APP_URL is it.
process.env.AUTH_URL ??= new URL(appUrl()).origin;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // The address comes from AUTH_URL above, not from the Host header a client sends.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an everyday event the sign-in form already explains, not a
    // server error: keep its stack out of the log. Every other error is logged as before.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin")
        return;
      console.error(`[auth][error] ${error.name}: ${error.message}`, error);
    },
  },
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
    redirect: ({ url }) => authRedirectTarget(url, process.env.AUTH_URL ?? appUrl()),
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = await sessionVersionOf(db, Number(user.id));
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    // Signing out ends the session for good, not only this browser's cookie: a copied
    // cookie stops working too (and so do the user's other sessions).
    async signOut(message) {
      const userId = "token" in message ? Number(message.token?.uid) : Number.NaN;
      if (Number.isInteger(userId) && userId > 0) await endSessions(db, userId);
    },
  },
});
