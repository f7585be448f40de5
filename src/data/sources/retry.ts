/**
 * Retrying with exponential backoff and jitter, with the clock and the dice
 * injectable so tests run instantly and deterministically.
 */

/**
 * How to retry. All durations in milliseconds.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 8_000 };
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so `retries + 1` attempts in all). Default 4. */
  readonly retries?: number;
  /** Backoff before the first retry, before jitter. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Upper bound of any one backoff. Default 8,000 ms. */
  readonly maxDelayMs?: number;
  /** Waits; default a real timer. Inject `async () => {}` in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1) draw for jitter; default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Default retry settings: 5 attempts, 0.5 s doubling to at most 8 s (at most 7.5 s of waiting in all).
 *
 * @example
 * ```ts
 * DEFAULT_RETRY_POLICY.retries; // => 4
 * ```
 */
export const DEFAULT_RETRY_POLICY = Object.freeze({ retries: 4, baseDelayMs: 500, maxDelayMs: 8_000 });

/**
 * A real timer as a promise.
 *
 * @example
 * ```ts
 * await realSleep(10);
 * ```
 */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Backoff before retry number `attempt` (0-based): the exponential step
 * `min(maxDelayMs, baseDelayMs · 2^attempt)`, of which a random half is waived
 * ("equal jitter"), so delays grow but clients do not retry in lock-step.
 * A server's `Retry-After` (ms) is honoured as a floor, capped at 60 s.
 *
 * @example
 * ```ts
 * backoffDelay(2, { baseDelayMs: 500, maxDelayMs: 8000, random: () => 0.5 }); // => 1500 (step 2000: 1000 + 0.5 · 1000)
 * ```
 */
export function backoffDelay(attempt: number, policy: RetryPolicy = {}, retryAfterMs?: number): number {
  const base = policy.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs;
  const max = policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  const step = Math.min(max, base * 2 ** attempt);
  const jittered = step / 2 + (policy.random ?? Math.random)() * (step / 2);
  return retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? Math.max(jittered, Math.min(retryAfterMs, 60_000)) : jittered;
}

/**
 * Runs `attempt` until it succeeds, it throws an error that `shouldRetry` refuses,
 * or the retries are used up; then rethrows the last error.
 *
 * @example
 * ```ts
 * let n = 0;
 * await withRetry(async () => { if (++n < 3) throw new Error("flaky"); return n; }, () => true, { sleep: async () => {} });
 * // => 3
 * ```
 */
export async function withRetry<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean | { retryAfterMs: number },
  policy: RetryPolicy = {},
): Promise<T> {
  const retries = policy.retries ?? DEFAULT_RETRY_POLICY.retries;
  const sleep = policy.sleep ?? realSleep;
  for (let i = 0; ; i++) {
    try {
      return await attempt(i);
    } catch (e) {
      const verdict = shouldRetry(e);
      if (i >= retries || verdict === false) throw e;
      await sleep(backoffDelay(i, policy, typeof verdict === "object" ? verdict.retryAfterMs : undefined));
    }
  }
}
