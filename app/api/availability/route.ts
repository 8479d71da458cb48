import { zoneAvailability, zoneAvailabilityInput } from "@/lib/booking/zone-availability";
import { route } from "@/lib/http/route";

/** The booking calendar's available units per day and country. */
export const GET = route({
  roles: "public",
  query: zoneAvailabilityInput,
  run: ({ ctx, query }) => zoneAvailability(ctx, query),
});
