/**
 * The Redis behind a sweep's BullMQ queue: its address from `redis://HOST:PORT`, and a check that it answers.
 */
import { InputError, SourceError } from "../core/index";

/** Name of the BullMQ queue sweeps use unless told otherwise. */
export const DEFAULT_QUEUE_NAME = "workbook-sweep";

/** Seconds to wait for Redis to answer before calling it unreachable. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 3;

/** A Redis address, as BullMQ's connection options take it. */
export interface QueueAddress {
  /** The address as given, without a password (for messages). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
}

/**
 * Reads `redis://[USER:PASSWORD@]HOST[:PORT][/DB]` (port 6379 and database 0 by default).
 *
 * @throws InputError BAD_QUEUE_URL naming the value and the expected form.
 * @example
 * ```ts
 * parseQueueUrl("redis://10.0.0.5:6380/2"); // => { url: "redis://10.0.0.5:6380/2", host: "10.0.0.5", port: 6380, db: 2 }
 * ```
 */
export function parseQueueUrl(raw: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError("BAD_QUEUE_URL", `sweep: --queue takes redis://HOST:PORT, got "${raw}"`, { queue: raw });
  }
  if (u.protocol !== "redis:" || u.hostname === "") throw new InputError("BAD_QUEUE_URL", `sweep: --queue takes redis://HOST:PORT, got "${raw}"`, { queue: raw });
  const port = u.port === "" ? 6379 : Number(u.port);
  const db = u.pathname === "" || u.pathname === "/" ? 0 : Number(u.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) throw new InputError("BAD_QUEUE_URL", `sweep: the database of ${raw} must be a whole number, e.g. redis://HOST:6379/0`, { queue: raw });
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  const url = `redis://${u.host}${db === 0 ? "" : `/${db}`}`;
  return {
    url,
    host,
    port,
    db,
    ...(u.username === "" ? {} : { username: decodeURIComponent(u.username) }),
    ...(u.password === "" ? {} : { password: decodeURIComponent(u.password) }),
  };
}

/** Connection options of ioredis and BullMQ for an address. */
export interface QueueConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** Milliseconds. */
  readonly connectTimeout: number;
  /** `null`, as BullMQ requires: a command waits for the connection instead of failing. */
  readonly maxRetriesPerRequest: null;
}

/**
 * Connection options for an address, as ioredis and BullMQ take them.
 *
 * @example
 * ```ts
 * redisOptions(parseQueueUrl("redis://127.0.0.1:6390")).port; // => 6390
 * ```
 */
export function redisOptions(address: QueueAddress, connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS): QueueConnectionOptions {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username === undefined ? {} : { username: address.username }),
    ...(address.password === undefined ? {} : { password: address.password }),
    connectTimeout: connectTimeoutSeconds * 1000,
    maxRetriesPerRequest: null,
  };
}

/**
 * Checks that the queue's Redis answers (PING) within the timeout, before any job is queued or taken.
 *
 * @throws SourceError QUEUE_UNREACHABLE naming the address and the reason (refused, timed out, auth).
 * @example
 * ```ts
 * await checkQueue(parseQueueUrl("redis://127.0.0.1:6379")); // => undefined, or throws naming the address
 * ```
 */
export async function checkQueue(address: QueueAddress, connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS): Promise<void> {
  const { Redis } = await import("ioredis"); // loaded on demand: only queue sweeps need a Redis client
  const redis = new Redis({ ...redisOptions(address, connectTimeoutSeconds), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let lastError: Error | undefined;
  redis.on("error", (e: Error) => {
    lastError = e; // reported by the failed connect below
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutSeconds} s`)), connectTimeoutSeconds * 1000);
    });
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
  } catch (e) {
    const reason = lastError?.message ?? (e instanceof Error ? e.message : String(e));
    throw new SourceError("QUEUE_UNREACHABLE", `sweep: cannot reach the queue at ${address.url} (${reason}); start Redis there (redis-server --bind HOST --port PORT) or check --queue`, { queue: address.url }, { cause: e });
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}
