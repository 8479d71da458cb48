import { db } from "@/db";
import { quoteForZone, quoteForZoneInput } from "@/lib/booking/quote-for-zone";
import { jsonQueryRoute } from "@/lib/http/json-route";

export const GET = jsonQueryRoute(quoteForZoneInput, (actor, input) => quoteForZone(db, actor, input));
