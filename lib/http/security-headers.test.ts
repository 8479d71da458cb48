import { describe, expect, it } from "vitest";
import { htmlPreviewDocument } from "@/lib/creatives/html-preview-document";
import { htmlPreviewPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe("pageSecurityHeaders", () => {
  const headers = pageSecurityHeaders({ nonce: "abc123==", dev: false });
  const csp = directives(headers["Content-Security-Policy"]);

  it("lets only scripts with this response's nonce run, and nothing inline or evaluated", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("refuses framing, plugins, foreign forms and base URLs", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("loads nothing from other sites", () => {
    expect(headers["Content-Security-Policy"]).not.toMatch(/https?:|\*/);
  });

  it("sets nosniff and a referrer policy that keeps paths on this site", () => {
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("allows eval only in development, where React needs it", () => {
    const dev = directives(pageSecurityHeaders({ nonce: "n", dev: true })["Content-Security-Policy"]);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 16 random bytes, base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("htmlPreviewDocument", () => {
  it("puts a policy that fetches nothing before the creative's own markup", () => {
    const body =
      '<img src="https://tracker.example/pixel.gif"><link rel="stylesheet" href="//cdn.example/x.css">';
    const doc = htmlPreviewDocument(body);
    expect(
      doc.startsWith(
        `<!doctype html><meta http-equiv="Content-Security-Policy" content="${htmlPreviewPolicy}">`,
      ),
    ).toBe(true);
    expect(doc.endsWith(body)).toBe(true);
    const policy = directives(htmlPreviewPolicy);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["data:"]);
    expect(htmlPreviewPolicy).not.toMatch(/https?:|\*|'self'/);
  });
});
