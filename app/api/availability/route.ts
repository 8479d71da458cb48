import { db } from "@/db";
import { jsonQueryRoute } from "@/lib/actions/json-route";
import { zoneAvailability, zoneAvailabilityInput } from "@/lib/booking/zone-availability";

export const GET = jsonQueryRoute(zoneAvailabilityInput, (actor, input) =>
  zoneAvailability(db, actor, input),
);
