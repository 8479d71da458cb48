import type { Actor } from "@/lib/auth/actor";
import { type Ctx, makeCtx } from "@/lib/core/context";
import { toCsv } from "@/lib/format/to-csv";
import { csvDownload, errorToTextResponse, textFailure } from "@/lib/http/download-response";
import { deliveryReportCsvRows } from "./delivery-report-csv";
import {
  advertiserReportGroupings,
  deliveryReportInputFromParams,
  reportGroupings,
} from "./delivery-report-input";

/**
 * The delivery report's table as a CSV download, for the export route of the desk
 * ("staff") or the advertiser portal ("advertiser"), with the options in the URL.
 * Route handlers do not pass through the portal's layout, so this authorizes by itself:
 * 401 signed out, 403 for the other portal's users; the report scopes the rows.
 */
export async function deliveryReportCsvResponse(
  actor: Actor | null,
  portal: "staff" | "advertiser",
  url: string,
  overrides: Partial<Omit<Ctx, "actor">> = {},
): Promise<Response> {
  if (!actor) return textFailure(401, "Please sign in to continue.");
  if (actor.kind !== portal) {
    return textFailure(
      403,
      portal === "staff" ? "This export is for the publisher's team." : "This export is for advertisers.",
    );
  }
  const { input } = deliveryReportInputFromParams(new URL(url).searchParams, {
    groupings: portal === "staff" ? reportGroupings : advertiserReportGroupings,
  });
  try {
    const { report, rows } = await deliveryReportCsvRows(makeCtx(actor, overrides), input);
    const name = `delivery-by-${report.group.replace("_", "-")}-${report.from}-to-${report.to}.csv`;
    return csvDownload(toCsv(rows), name);
  } catch (error) {
    return errorToTextResponse(error);
  }
}
