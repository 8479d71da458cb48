import { apiRoute } from "@/lib/api/api-route";
import { readAdvertiserRoute } from "@/lib/api/catalog-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(readAdvertiserRoute);
