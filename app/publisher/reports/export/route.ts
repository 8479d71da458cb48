import { actorRoute } from "@/lib/actions/actor-route";
import { deliveryReportCsvResponse } from "@/lib/reports/delivery-report-export";

/** The desk's delivery report table as CSV, with the page's dates, grouping and sort. Staff only. */
export const GET = actorRoute((actor, request) => deliveryReportCsvResponse(actor, "staff", request.url));
