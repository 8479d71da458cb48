import { currentActor } from "@/lib/auth/current-actor";
import { deliveryReportCsvResponse } from "@/lib/reports/delivery-report-export";

/** The desk's delivery report table as CSV, with the page's dates, grouping and sort. Staff only. */
export async function GET(request: Request) {
  return deliveryReportCsvResponse(await currentActor(), "staff", request.url);
}
