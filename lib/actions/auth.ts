"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { signUpAdvertiser, signUpAdvertiserInput } from "@/lib/advertisers/sign-up-advertiser";
import { signIn, signOut, TooManyAttempts } from "@/lib/auth";
import { clientIpHeader } from "@/lib/auth/client-ip";
import { landingPathFor } from "@/lib/auth/current-actor";
import { loadActor, type SessionClaims } from "@/lib/auth/load-actor";
import {
  passwordResetFormInput,
  passwordResetRequested,
  requestPasswordReset,
} from "@/lib/auth/request-password-reset";
import { resetPassword, resetPasswordInput } from "@/lib/auth/reset-password";
import { signInInput } from "@/lib/auth/schemas";
import { Invalid } from "@/lib/core/errors";
import { definePublicAction } from "@/lib/http/define-action";
import { setUpFirstPublisher, setUpFirstPublisherInput } from "@/lib/publishers/set-up-first-publisher";
import { signUpPublisher, signUpPublisherInput } from "@/lib/publishers/sign-up-publisher";
import { acceptInvitation, acceptInvitationInput } from "@/lib/team/accept-invitation";

/**
 * Only same-site paths are followed after sign-in, so ?next= cannot send people elsewhere;
 * control characters (a NUL, a line break) could not go in the redirect's header anyway.
 */
function safeNext(next: unknown): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return null;
  return [...next].some((ch) => ch < " " || ch === "\u007f") ? null : next;
}

async function signInOrExplain(email: string, password: string) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof TooManyAttempts) throw error.reason;
    if (error instanceof AuthError) {
      throw new Invalid("That email and password do not match an account.", {
        password: ["That email and password do not match an account."],
      });
    }
    throw error;
  }
}

async function landingFor(user: SessionClaims, next: string | null) {
  const actor = await loadActor(db, user);
  if (!actor) return "/";
  const home = landingPathFor(actor);
  const area = home.startsWith("/advertiser") ? "/advertiser" : "/publisher";
  return next?.startsWith(area) ? next : home;
}

const loginInput = signInInput.extend({ next: z.string().optional() });

export const login = definePublicAction({
  input: loginInput,
  roles: "public",
  run: async ({ input }) => {
    const { email, password, next } = loginInput.parse(input);
    await signInOrExplain(email, password);
    const [user] = await db
      .select({ userId: users.id, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.email, email));
    redirect(await landingFor(user, safeNext(next)));
  },
});

export const signUp = definePublicAction({
  input: signUpAdvertiserInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    const { email, password, publisherSlug } = signUpAdvertiserInput.parse(input);
    await signUpAdvertiser(ctx, input);
    await signInOrExplain(email, password);
    redirect(`/book/${publisherSlug}?welcome=1`);
  },
});

export const acceptInvite = definePublicAction({
  input: acceptInvitationInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    const { email } = await acceptInvitation(ctx, input);
    // The verb accepted the input, so the password is the one it checked.
    await signInOrExplain(email, input.password);
    redirect("/publisher");
  },
});

export const forgotPassword = definePublicAction({
  input: passwordResetFormInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    const ip = (await headers()).get(clientIpHeader) ?? "unknown";
    await requestPasswordReset(ctx, { ...input, ip });
  },
  message: () => passwordResetRequested,
});

export const chooseNewPassword = definePublicAction({
  input: resetPasswordInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    await resetPassword(ctx, input);
    redirect("/login?reset=1");
  },
});

export async function logout() {
  await signOut({ redirect: false });
  redirect("/login");
}

/** First run: the first publisher and its owner, who is signed in and lands on the checklist. */
export const setUp = definePublicAction({
  input: setUpFirstPublisherInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    const data = setUpFirstPublisherInput.parse(input);
    await setUpFirstPublisher(ctx, data);
    await signInOrExplain(data.email, data.password);
    redirect("/publisher?welcome=1");
  },
});

/** A new publisher workspace where ALLOW_PUBLISHER_SIGNUP is on. */
export const signUpWorkspace = definePublicAction({
  input: signUpPublisherInput,
  roles: "public",
  run: async ({ ctx, input }) => {
    const data = signUpPublisherInput.parse(input);
    await signUpPublisher(ctx, data);
    await signInOrExplain(data.email, data.password);
    redirect("/publisher?welcome=1");
  },
});
