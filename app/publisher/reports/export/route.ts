import { route } from "@/lib/http/route";
import { deskDeliveryReportExport } from "@/lib/reports/delivery-report-export";

export const GET = route(deskDeliveryReportExport);
