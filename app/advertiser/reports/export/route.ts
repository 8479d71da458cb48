import { route } from "@/lib/http/route";
import { advertiserDeliveryReportExport } from "@/lib/reports/delivery-report-export";

export const GET = route(advertiserDeliveryReportExport);
