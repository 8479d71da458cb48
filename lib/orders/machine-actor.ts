import { type Actor, actorRole } from "@/lib/core/actor";
import type { MachineActor } from "./types";

/** The machine's view of `actor` for one order; tenant scoping is the query's job, not this. */
export function machineActor(actor: Actor, order: { advertiserId: number }): MachineActor {
  return {
    role: actorRole(actor),
    ownsOrder: actor.kind === "advertiser" && actor.advertiserId === order.advertiserId,
    permissions: actor.kind === "staff" ? [...actor.permissions] : [],
  };
}
