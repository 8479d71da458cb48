import { apiRoute } from "@/lib/api/api-route";
import { readZoneRoute } from "@/lib/api/catalog-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(readZoneRoute);
