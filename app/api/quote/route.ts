import { z } from "zod";
import { quoteForZone } from "@/lib/booking/quote-for-zone";
import { route } from "@/lib/http/route";

/** The booking cart's price for one line item, as the server will charge it. */
export const GET = route({
  roles: "public",
  // The verb parses the query itself (its schema turns the country list into an array).
  query: z.record(z.string(), z.string()),
  run: ({ ctx, query }) => quoteForZone(ctx, query),
});
