import type { ActorRole } from "./actor";

/** Staff who can change orders, creatives and delivery (not read-only viewers). */
export const staffWriters = ["owner", "admin", "sales_manager"] as const satisfies readonly ActorRole[];
export const staffAdmins = ["owner", "admin"] as const satisfies readonly ActorRole[];
export const allStaff = ["owner", "admin", "sales_manager", "viewer"] as const satisfies readonly ActorRole[];
