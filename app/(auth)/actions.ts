"use server";

import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { signUpAdvertiser, signUpAdvertiserInput } from "@/lib/advertisers/sign-up-advertiser";
import { signIn, signOut } from "@/lib/auth";
import { landingPathFor } from "@/lib/auth/current-actor";
import { loadActor } from "@/lib/auth/load-actor";
import { signInInput } from "@/lib/auth/schemas";
import { Invalid, RateLimited } from "@/lib/errors";
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
    if (error instanceof AuthError) {
      if ((error as { code?: string }).code === "rate_limited") {
        throw new RateLimited("Too many failed sign-in attempts. Try again in an hour.");
      }
      throw new Invalid("That email and password do not match an account.", {
        password: ["That email and password do not match an account."],
      });
    }
    throw error;
  }
}

async function landingFor(userId: number, next: string | null) {
  const actor = await loadActor(db, userId);
  if (!actor) return "/";
  const home = landingPathFor(actor);
  const area = home.startsWith("/advertiser") ? "/advertiser" : "/publisher";
  return next?.startsWith(area) ? next : home;
}

export const login = defineAction({
  input: signInInput.extend({ next: z.string().optional() }),
  roles: "public",
  run: async ({ input }) => {
    await signInOrExplain(input.email, input.password);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    redirect(await landingFor(user.id, safeNext(input.next)));
  },
});

export const signUp = defineAction({
  input: signUpAdvertiserInput,
  roles: "public",
  run: async ({ input }) => {
    await signUpAdvertiser(db, input);
    await signInOrExplain(input.email, input.password);
    redirect(`/book/${input.publisherSlug}?welcome=1`);
  },
});

export const acceptInvite = defineAction({
  input: acceptInvitationInput,
  roles: "public",
  run: async ({ input }) => {
    const { email } = await acceptInvitation(db, input);
    await signInOrExplain(email, input.password);
    redirect("/publisher");
  },
});

export async function logout() {
  await signOut({ redirect: false });
  redirect("/login");
}
