import { advertiserDeliveryReportExport } from "@/lib/delivery/report/delivery-report-export";
import { route } from "@/lib/http/route";

export const GET = route(advertiserDeliveryReportExport);
