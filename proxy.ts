import { type NextRequest, NextResponse } from "next/server";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic check only: signed-out visitors to the desk or the portal go to the
 * login page with a return URL. Real authorization happens in every page and action.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const here = pathname + search;
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", here);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set("x-addesk-pathname", here);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/publisher/:path*", "/advertiser/:path*"] };
