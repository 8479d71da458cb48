import { z } from "zod";
import { zoneAvailability } from "@/lib/booking/zone-availability";
import { route } from "@/lib/http/route";

/** The booking calendar's available units per day and country. */
export const GET = route({
  roles: "public",
  // The verb parses the query itself (its schema turns the country list into an array).
  query: z.record(z.string(), z.string()),
  run: ({ ctx, query }) => zoneAvailability(ctx, query),
});
