import { deskInvoicePdf } from "@/lib/billing/invoice-pdf";
import { route } from "@/lib/http/route";

export const GET = route(deskInvoicePdf);
