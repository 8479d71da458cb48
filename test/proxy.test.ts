import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// NextResponse.next({ request }) hands the changed request headers to Next.js under this prefix.
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("proxy", () => {
  it("gives a page the same fresh nonce in the response policy and in the request Next.js renders", () => {
    const first = proxy(new NextRequest("http://localhost:3000/login"));
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(forwarded(first, "content-security-policy")).toBe(policy);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const second = proxy(new NextRequest("http://localhost:3000/login"));
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  it("sends signed-out visitors of the desk to sign in, with the headers too", () => {
    const response = proxy(new NextRequest("http://localhost:3000/publisher/orders?status=approved"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/login?next=%2Fpublisher%2Forders%3Fstatus%3Dapproved",
    );
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets signed-in visitors through and leaves public pages alone", () => {
    const signedIn = new NextRequest("http://localhost:3000/publisher", {
      headers: { cookie: "authjs.session-token=x" },
    });
    expect(proxy(signedIn).headers.get("location")).toBeNull();
    expect(forwarded(proxy(signedIn), "x-addesk-pathname")).toBe("/publisher");
    expect(
      proxy(new NextRequest("http://localhost:3000/publishers-blog")).headers.get("location"),
    ).toBeNull();
    expect(proxy(new NextRequest("http://localhost:3000/book/northwind")).headers.get("location")).toBeNull();
  });
});
