/**
 * The largest body a server action accepts. next.config.mjs (serverActions.bodySizeLimit)
 * must say the same: it cannot import this file, so a test compares the two.
 */
export const actionBodyLimitBytes = 6 * 1024 * 1024;

/** "6 MB", for messages. */
export const actionBodyLimitLabel = `${actionBodyLimitBytes / (1024 * 1024)} MB`;

/** "2 MB", "2.01 MB": rounded up, so a file just over a limit never reads as equal to it. */
export const megabytes = (bytes: number) => `${Math.ceil((bytes / (1024 * 1024)) * 100) / 100} MB`;
