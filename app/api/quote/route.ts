import { quoteForZone, quoteForZoneInput } from "@/lib/booking/quote-for-zone";
import { route } from "@/lib/http/route";

/** The booking cart's price for one line item, as the server will charge it. */
export const GET = route({
  roles: "public",
  query: quoteForZoneInput,
  run: ({ ctx, query }) => quoteForZone(ctx, query),
});
