/** Who is asking. Every verb receives one and authorizes against it. */
export const staffRoles = ["owner", "admin", "sales_manager", "viewer"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffPermissions = ["confirm_sales", "manage_recurring", "overbook"] as const;
export type StaffPermission = (typeof staffPermissions)[number];

export type StaffActor = {
  kind: "staff";
  userId: number;
  publisherId: number;
  role: StaffRole;
  permissions: StaffPermission[];
};
export type AdvertiserActor = {
  kind: "advertiser";
  userId: number;
  publisherId: number;
  advertiserId: number;
};
export const apiScopes = ["read", "write"] as const;
export type ApiScope = (typeof apiScopes)[number];
/** A REST API call authenticated by one of the publisher's API keys. */
export type ApiActor = { kind: "api"; publisherId: number; apiKeyId: number; scopes: readonly ApiScope[] };
export type SystemActor = { kind: "system" };
export type Actor = StaffActor | AdvertiserActor | ApiActor | SystemActor;

/** The role names the order machine reasons about. */
export type ActorRole = StaffRole | "advertiser" | "api" | "system";

export function actorRole(actor: Actor): ActorRole {
  if (actor.kind === "staff") return actor.role;
  return actor.kind;
}

export function hasPermission(actor: Actor, permission: StaffPermission): boolean {
  if (actor.kind !== "staff") return false;
  return actor.role === "owner" || actor.role === "admin" || actor.permissions.includes(permission);
}
