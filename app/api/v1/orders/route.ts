import { apiRoute } from "@/lib/api/api-route";
import { listOrdersRoute } from "@/lib/api/order-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listOrdersRoute);
