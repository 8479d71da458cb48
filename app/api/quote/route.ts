import { db } from "@/db";
import { jsonQueryRoute } from "@/lib/actions/json-route";
import { quoteForZone, quoteForZoneInput } from "@/lib/booking/quote-for-zone";

export const GET = jsonQueryRoute(quoteForZoneInput, (actor, input) => quoteForZone(db, actor, input));
