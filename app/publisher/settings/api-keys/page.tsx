import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { staffForPage } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/core/context";
import { formatRelativeTime } from "@/lib/format/format-relative-time";
import { orRefusal } from "@/lib/http/page";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await staffForPage();
  const ctx = makeCtx(actor);
  const keys = await orRefusal("keys", listApiKeys(ctx));
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other systems use the REST API (/api/v1/orders, reference at /api/docs) as your desk. Send one as `Authorization: Bearer <key>`."
      />
      <Card>
        {"error" in keys ? (
          <p className="text-sm text-ink-muted">{keys.error}</p>
        ) : (
          <ApiKeysPanel
            keys={keys.keys.map((key) => ({
              id: key.id,
              name: key.name,
              prefix: key.prefix,
              scopes: key.scopes,
              lastUsed: key.lastUsedAt ? formatRelativeTime(key.lastUsedAt, ctx.now) : "never",
              created: formatRelativeTime(key.createdAt, ctx.now),
              revoked: key.revokedAt !== null,
            }))}
          />
        )}
      </Card>
    </>
  );
}
