import { apiRoute } from "@/lib/api/api-route";
import { readOrderRoute } from "@/lib/api/order-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(readOrderRoute);
