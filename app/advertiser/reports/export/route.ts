import { actorRoute } from "@/lib/actions/actor-route";
import { deliveryReportCsvResponse } from "@/lib/reports/delivery-report-export";

/** The advertiser's delivery report table as CSV (their own orders only), as the page shows it. */
export const GET = actorRoute((actor, request) =>
  deliveryReportCsvResponse(actor, "advertiser", request.url),
);
