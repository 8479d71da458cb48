import { AdServerPanel } from "@/components/settings/ad-server-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAdServerConnection } from "@/lib/ad-server/get-ad-server-connection";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { formatRelativeTime } from "@/lib/format/format-relative-time";
import { orRefusal } from "@/lib/http/page";

export const metadata = { title: "Ad server" };

export default async function AdServerPage() {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const loaded = await orRefusal("connection", getAdServerConnection(ctx));
  return (
    <>
      <PageHeader
        title="Ad server"
        description="Connect your own ad server (Revive, Kevel or your own) through a small adapter: AdDesk sends every change a line item goes through — approved, started, paused, resumed, creative approved or rejected, canceled, completed — and shows each line item's sync status on its order. The README's Ad server sync section shows the payloads."
      />
      <Card>
        {"error" in loaded ? (
          <p className="text-sm text-ink-muted">{loaded.error}</p>
        ) : (
          <AdServerPanel
            connection={
              loaded.connection && {
                url: loaded.connection.url,
                enabled: loaded.connection.enabled,
                updated: formatRelativeTime(loaded.connection.updatedAt, ctx.now),
              }
            }
          />
        )}
      </Card>
    </>
  );
}
