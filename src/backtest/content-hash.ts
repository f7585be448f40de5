/**
 * Content hashes that tie a backtest result to its inputs: the price table and the strategy's settings.
 */
import { createHash } from "node:crypto";
import type { DateTable } from "../core/index";

/**
 * SHA-256 (hex, first 16 characters) of a price table's dates, tickers and values up to row `lastRow`
 * (inclusive; default the last): the data version of a run. Same table, same hash; any changed price, date or
 * ticker changes it.
 *
 * @example
 * ```ts
 * hashPriceTable({ dates: ["d1"], tickers: ["A"], values: Float64Array.of(1) }).length; // => 16
 * ```
 */
export function hashPriceTable(table: DateTable, lastRow = table.dates.length - 1): string {
  const m = table.tickers.length;
  const h = createHash("sha256");
  h.update(JSON.stringify(table.tickers));
  h.update(JSON.stringify(table.dates.slice(0, lastRow + 1)));
  const values = table.values.subarray(0, (lastRow + 1) * m);
  h.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return h.digest("hex").slice(0, 16);
}

/** JSON with sorted keys, typed arrays as arrays, functions by name and a hash of their source, non-finite numbers as strings. */
function canonical(value: unknown): unknown {
  if (typeof value === "function") {
    return { function: value.name || "anonymous", source: createHash("sha256").update(value.toString()).digest("hex").slice(0, 12) };
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, canonical);
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Map) return canonical(Object.fromEntries(value));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * A stable JSON text of settings: keys sorted, typed arrays as arrays, functions as their name plus a hash of
 * their source (so a changed estimator changes the text).
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2] }); // => '{"a":[2],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

/**
 * SHA-256 (hex, first 16 characters) of {@link canonicalJson}: the version of a strategy's parameters.
 *
 * @example
 * ```ts
 * hashParameters({ a: 1, b: 2 }) === hashParameters({ b: 2, a: 1 }); // => true
 * ```
 */
export function hashParameters(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, 16);
}
