import { apiRoute } from "@/lib/api/api-route";
import { createOrderRoute, listOrdersRoute } from "@/lib/api/order-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listOrdersRoute);
export const POST = apiRoute(createOrderRoute);
