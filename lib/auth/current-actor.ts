import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import type { Actor, AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { auth } from "./index";
import { loadActor } from "./load-actor";

/**
 * The signed-in actor for this request, or null. A tampered or expired cookie, or one
 * whose session was ended (sign-out, password reset…), reads as signed out.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  const sessionVersion = session?.sessionVersion;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sessionVersion !== "number") return null;
  return loadActor(db, { userId, sessionVersion });
});

export function landingPathFor(actor: Actor): string {
  return actor.kind === "advertiser" ? "/advertiser/orders" : "/publisher";
}

async function loginRedirect(): Promise<never> {
  const path = (await headers()).get("x-addesk-pathname") ?? "/";
  redirect(`/login?next=${encodeURIComponent(path)}`);
}

/** For pages under /publisher: staff only; advertisers are sent to their own portal. */
export async function staffForPage(): Promise<StaffActor> {
  const actor = await currentActor();
  if (!actor) return loginRedirect();
  if (actor.kind !== "staff") redirect(landingPathFor(actor));
  return actor;
}

/** For pages under /advertiser: advertiser users only; staff are sent to the desk. */
export async function advertiserForPage(): Promise<AdvertiserActor> {
  const actor = await currentActor();
  if (!actor) return loginRedirect();
  if (actor.kind !== "advertiser") redirect(landingPathFor(actor));
  return actor;
}
