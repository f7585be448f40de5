/**
 * A `fetch` that gives up on slow answers and retries transient failures:
 * network errors, timeouts, HTTP 429 and 5xx, with exponential backoff and
 * jitter (see `retry.ts`). Other answers (200, 404, …) are returned with their
 * body already read (within the timeout, so a server that stalls mid-body is a
 * timeout too, not a hang).
 */
import { withRetry, type RetryPolicy } from "./retry";

/** Node error codes that mean the host cannot be reached at all (offline, DNS down, refused). */
const UNREACHABLE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ECONNREFUSED", "ENETDOWN"]);

/**
 * Why the last attempt failed: no connection, no answer in time, or a 429/5xx status.
 *
 * @example
 * ```ts
 * const kind: FetchFailureKind = "timeout";
 * ```
 */
export type FetchFailureKind = "network" | "timeout" | "http";

/**
 * Thrown by a {@link resilientFetch} once its retries are used up.
 *
 * @example
 * ```ts
 * try { await fetchWithRetry(url); }
 * catch (e) { if (e instanceof FetchFailure) console.log(e.kind, e.status, e.attempts); }
 * ```
 */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly kind: FetchFailureKind,
    readonly attempts: number,
    /** HTTP status of the last answer, for `kind === "http"`. */
    readonly status: number | null,
    /** True when the host could not be reached at all (no network, DNS failure, connection refused). */
    readonly unreachable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchFailure";
  }
}

/** A retryable HTTP answer, internal to one attempt. */
class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

/** An attempt that took longer than the timeout, internal to one attempt. */
class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

function errorCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function describe(e: unknown): string {
  const parts: string[] = [];
  for (let x: unknown = e, depth = 0; x && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof Error && x.message && !parts.includes(x.message)) parts.push(x.message);
  }
  return parts.join(": ") || String(e);
}

/** Statuses whose response cannot carry a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The response with its body read into memory, so that reading it later cannot stall. */
async function buffered(response: Response): Promise<Response> {
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Options of {@link resilientFetch}: a retry policy plus a per-attempt timeout.
 *
 * @example
 * ```ts
 * const options: ResilientFetchOptions = { timeoutMs: 15_000, retries: 4 };
 * ```
 */
export interface ResilientFetchOptions extends RetryPolicy {
  /** Per-attempt timeout in milliseconds, covering the answer's headers and its body. Default 15,000. */
  readonly timeoutMs?: number;
}

/**
 * Wraps a fetch function with a per-attempt timeout and retries.
 *
 * @example
 * ```ts
 * const fetchWithRetry = resilientFetch(globalThis.fetch, { retries: 3, timeoutMs: 10_000 });
 * const response = await fetchWithRetry("https://query2.finance.yahoo.com/v8/finance/chart/AAPL");
 * ```
 * @throws FetchFailure after the last attempt failed (network error, timeout, 429 or 5xx).
 */
export function resilientFetch(fetchImpl: typeof fetch, options: ResilientFetchOptions = {}): typeof fetch {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    let attempts = 0;
    let lastError: unknown;
    try {
      return await withRetry(
        async () => {
          attempts++;
          const controller = new AbortController();
          const outer = init?.signal;
          if (outer?.aborted) throw outer.reason;
          const onOuterAbort = (): void => controller.abort(outer?.reason);
          outer?.addEventListener("abort", onOuterAbort);
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              controller.abort();
              reject(new AttemptTimeout(timeoutMs));
            }, timeoutMs);
          });
          try {
            const response = await Promise.race([fetchImpl(input, { ...init, signal: controller.signal }), timeout]);
            if (response.status === 429 || response.status >= 500) {
              const after = retryAfter(response.headers.get("retry-after"));
              await response.body?.cancel().catch(() => undefined);
              throw new RetryableStatus(response.status, after);
            }
            // The body is read within the same deadline: a server that sends headers and then stalls
            // would otherwise hang the caller forever (the timer covers only the headers).
            return await Promise.race([buffered(response), timeout]);
          } catch (e) {
            lastError = e;
            throw e;
          } finally {
            clearTimeout(timer);
            outer?.removeEventListener("abort", onOuterAbort);
          }
        },
        (e) => {
          if (init?.signal?.aborted) return false; // the caller gave up
          if (e instanceof RetryableStatus && e.retryAfterMs !== undefined) return { retryAfterMs: e.retryAfterMs };
          return true; // fetch rejects only for network-level failures, all worth another try
        },
        options,
      );
    } catch (e) {
      if (init?.signal?.aborted) throw e;
      const last = lastError ?? e;
      if (last instanceof RetryableStatus) {
        const what = last.status === 429 ? "HTTP 429 Too Many Requests (rate limited)" : `HTTP ${last.status} server error`;
        throw new FetchFailure(`${what} after ${attempts} attempt(s)`, "http", attempts, last.status, false, { cause: last });
      }
      const isTimeout =
        last instanceof AttemptTimeout || (last instanceof Error && (last.name === "TimeoutError" || last.name === "AbortError"));
      if (isTimeout) {
        throw new FetchFailure(`no answer within ${timeoutMs} ms (timeout) after ${attempts} attempt(s)`, "timeout", attempts, null, false, {
          cause: last,
        });
      }
      const code = errorCode(last);
      const unreachable = code !== undefined ? UNREACHABLE_CODES.has(code) : /fetch failed|network|offline/i.test(describe(last));
      throw new FetchFailure(`network error (${describe(last)}) after ${attempts} attempt(s)`, "network", attempts, null, unreachable, {
        cause: last,
      });
    }
  };
  return wrapped as typeof fetch;
}
