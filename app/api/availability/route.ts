import { db } from "@/db";
import { zoneAvailability, zoneAvailabilityInput } from "@/lib/booking/zone-availability";
import { jsonQueryRoute } from "@/lib/http/json-route";

export const GET = jsonQueryRoute(zoneAvailabilityInput, (actor, input) =>
  zoneAvailability(db, actor, input),
);
