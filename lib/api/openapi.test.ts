import { describe, expect, it } from "vitest";
import { apiDocsHtml } from "./api-docs-html";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };

  it("is OpenAPI 3.1 with every endpoint and method", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(
      Object.fromEntries(Object.entries(doc.paths).map(([path, ops]) => [path, Object.keys(ops)])),
    ).toEqual({
      "/api/v1/orders/": ["get", "post"],
      "/api/v1/orders/{id}": ["get", "put"],
      "/api/v1/orders/process/": ["post"],
      "/api/v1/orders/statistics/{id}": ["get"],
      "/api/v1/zones/": ["get"],
      "/api/v1/zones/{id}": ["get"],
      "/api/v1/advertisers/": ["get"],
      "/api/v1/advertisers/{id}": ["get"],
    });
  });

  it("describes the bodies from the schemas that validate them, every $ref resolving", () => {
    expect(Object.keys(doc.components.schemas.CreateOrder.properties ?? {})).toEqual([
      "name",
      "priority",
      "model",
      "total_volume",
      "daily_volume",
      "start_date",
      "end_date",
      "countries",
      "linked_zone",
      "linked_campaign",
    ]);
    expect(doc.components.schemas.Order.properties).toHaveProperty("order_statistic");
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it("describes what AdDesk sends the publisher's ad server as webhooks, from the sync's own schemas", () => {
    const hooks = (doc as unknown as { webhooks: Record<string, { post: Record<string, unknown> }> })
      .webhooks;
    expect(Object.keys(hooks)).toEqual(["adServerLineItemChanged", "adServerConnectionTest"]);
    expect(Object.keys(doc.components.schemas.AdServerLineItemChanged.properties ?? {})).toEqual([
      "event",
      "change",
      "sequence",
      "occurredAt",
      "remoteId",
      "lineItem",
    ]);
    expect(doc.components.schemas.AdServerAcknowledgement.properties).toHaveProperty("remoteId");
    expect(doc.components.schemas.AdServerLineItem.properties).toHaveProperty("creatives");
  });

  it("reads as a page at /api/docs", () => {
    const page = apiDocsHtml();
    for (const path of Object.keys(doc.paths)) expect(page).toContain(`<code>${path}</code>`);
    expect(page).not.toContain("<script");
  });
});
