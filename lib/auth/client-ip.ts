/**
 * The custom server (server.ts) overwrites this header with the socket's address on
 * every request, so clients cannot choose the IP that rate limiting counts against.
 */
export const clientIpHeader = "x-addesk-client-ip";
