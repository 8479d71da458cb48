import { type NextRequest, NextResponse } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const signedInAreas = ["/publisher", "/advertiser"];

const inArea = (pathname: string, area: string) => pathname === area || pathname.startsWith(`${area}/`);

/**
 * Every page gets its security headers here, with a fresh script nonce (see
 * pageSecurityHeaders). And an optimistic check only: signed-out visitors to the desk or
 * the portal go to the login page with a return URL. Real authorization happens in
 * every page and action.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const here = pathname + search;
  const headers = pageSecurityHeaders({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!hasSession && signedInAreas.some((area) => inArea(pathname, area))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", here);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-addesk-pathname", here);
    // Next.js takes the nonce for its scripts from the request's policy.
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Not for Next's static files, Auth.js (api/) or creative files (files/), which set their
// own headers; the tracking endpoints (/t/…) are answered by server.ts before Next.js.
export const config = {
  matcher: ["/((?!api/|files/|_next/static/|_next/image|favicon\\.ico).*)"],
};
