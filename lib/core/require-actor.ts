import {
  type Actor,
  type AdvertiserActor,
  hasPermission,
  type StaffActor,
  type StaffPermission,
  type StaffRole,
} from "@/lib/core/actor";
import { allStaff, staffAdmins, staffWriters } from "@/lib/core/roles";
import { Forbidden } from "./errors";

/**
 * The one place verbs ask "may this actor do this?". Each check narrows the actor's type,
 * so what follows can use its publisher or advertiser without a cast. Tenant and
 * advertiser scoping still belong in each query's WHERE clause; this only checks roles.
 */

const staffSentence: Record<string, string> = {
  [allStaff.join()]: "the publisher's team",
  [staffWriters.join()]: "owners, admins and sales managers",
  [staffAdmins.join()]: "owners and admins",
};

function requireStaffIn(actor: Actor, roles: readonly StaffRole[], message?: string): StaffActor {
  if (actor.kind === "staff" && roles.includes(actor.role)) return actor;
  throw new Forbidden(message ?? `Only ${staffSentence[roles.join()]} can do that.`);
}

/** Any member of the publisher's team, viewers included. */
export function requireStaff(actor: Actor, message?: string): StaffActor {
  return requireStaffIn(actor, allStaff, message);
}

/** Staff who may change orders, creatives and delivery (not read-only viewers). */
export function requireStaffWriter(actor: Actor, message?: string): StaffActor {
  return requireStaffIn(actor, staffWriters, message);
}

/** Owners and admins: team, settings and money that leaves the publisher. */
export function requireStaffAdmin(actor: Actor, message?: string): StaffActor {
  return requireStaffIn(actor, staffAdmins, message);
}

/** A staff member holding `permission` (owners and admins hold them all). */
export function requirePermission(actor: Actor, permission: StaffPermission, message?: string): StaffActor {
  const staff = requireStaff(actor, message);
  if (hasPermission(staff, permission)) return staff;
  throw new Forbidden(message ?? `That needs the ${permission.replaceAll("_", " ")} permission.`);
}

/** A person at one of the publisher's advertisers. */
export function requireAdvertiser(
  actor: Actor,
  message = "Only the advertiser's own people can do that.",
): AdvertiserActor {
  if (actor.kind === "advertiser") return actor;
  throw new Forbidden(message);
}

/** Either side of an order: the publisher's staff or an advertiser's people (not API keys or the system). */
export function requirePerson(actor: Actor, message?: string): StaffActor | AdvertiserActor {
  if (actor.kind === "advertiser") return actor;
  if (actor.kind === "staff") return actor;
  throw new Forbidden(message);
}

/** Either side, where staff must also be allowed to write (uploading creatives, booking on behalf). */
export function requireWritingPerson(actor: Actor, message?: string): StaffActor | AdvertiserActor {
  if (actor.kind === "advertiser") return actor;
  return requireStaffWriter(actor, message);
}

/** The scheduler's own steps. */
export function requireSystem(actor: Actor, message = "Only AdDesk itself does that."): void {
  if (actor.kind !== "system") throw new Forbidden(message);
}

/** Owners only: making, unmaking or removing another owner. */
export function requireOwner(actor: Actor, message = "Only an owner can do that."): StaffActor {
  return requireStaffIn(actor, ["owner"], message);
}

/** Whether the actor is an owner or admin, for what such people see in addition (not a refusal). */
export function isStaffAdmin(actor: Actor): actor is StaffActor {
  return actor.kind === "staff" && (staffAdmins as readonly StaffRole[]).includes(actor.role);
}

/** Whether the actor may change orders, creatives, delivery and the catalog (staff who are not viewers). */
export function isStaffWriter(actor: Actor): actor is StaffActor {
  return actor.kind === "staff" && (staffWriters as readonly StaffRole[]).includes(actor.role);
}
