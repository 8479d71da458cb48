import { currentActor } from "@/lib/auth/current-actor";
import { deliveryReportCsvResponse } from "@/lib/reports/delivery-report-export";

/** The advertiser's delivery report table as CSV (their own orders only), as the page shows it. */
export async function GET(request: Request) {
  return deliveryReportCsvResponse(await currentActor(), "advertiser", request.url);
}
