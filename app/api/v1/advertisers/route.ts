import { apiRoute } from "@/lib/api/api-route";
import { listAdvertisersRoute } from "@/lib/api/catalog-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listAdvertisersRoute);
