import { apiRoute } from "@/lib/api/api-route";
import { readOrderRoute, updateOrderRoute } from "@/lib/api/order-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(readOrderRoute);
export const PUT = apiRoute(updateOrderRoute);
