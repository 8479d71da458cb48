/** The two e2e servers: the demo desk, and one that starts on an empty database (first run). */
export const port = Number(process.env.E2E_PORT ?? 3100);
export const emptyPort = Number(process.env.E2E_EMPTY_PORT ?? port + 1);
export const emptyBaseUrl = `http://localhost:${emptyPort}`;
