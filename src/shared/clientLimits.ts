/**
 * Allowed values of the client settings a user can choose: the extension's
 * `wecomGroupStats.concurrency` / `requestTimeoutMs` and the CLI's `--concurrency` / `--timeout`
 * (and their environment variables) share them.
 */

/** WeCom requests in flight at once. */
export const CONCURRENCY_RANGE = { min: 1, max: 16, default: 4 } as const;
/** Deadline of one request attempt in ms. */
export const TIMEOUT_RANGE = { min: 1000, max: 120000, default: 15000 } as const;
