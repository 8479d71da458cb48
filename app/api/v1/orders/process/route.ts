import { apiRoute } from "@/lib/api/api-route";
import { processOrdersRoute } from "@/lib/api/order-routes";

export const dynamic = "force-dynamic";

export const POST = apiRoute(processOrdersRoute);
