/**
 * Typed arrays in JSON as base64 of their little-endian bytes: exact and about 3× smaller than
 * number lists.
 */
import { DataError } from "../core/index";

/**
 * Base64 text of a typed array's bytes.
 *
 * @example
 * ```ts
 * encodeArray(Float64Array.of(1)); // => "AAAAAAAA8D8="
 * ```
 */
export function encodeArray(array: Float64Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/**
 * A `Float64Array` from {@link encodeArray}'s text.
 *
 * @throws DataError BAD_MODEL_FILE when the text is not a whole number of doubles.
 * @example
 * ```ts
 * decodeFloat64("AAAAAAAA8D8="); // => Float64Array [1]
 * ```
 */
export function decodeFloat64(text: string, what = "array"): Float64Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 8 !== 0) throw new DataError("BAD_MODEL_FILE", `model file: ${what} is not a list of doubles (${bytes.length} bytes)`);
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * An `Int32Array` from {@link encodeArray}'s text.
 *
 * @throws DataError BAD_MODEL_FILE when the text is not a whole number of 32-bit integers.
 * @example
 * ```ts
 * decodeInt32(encodeArray(Int32Array.of(-1, 2))); // => Int32Array [-1, 2]
 * ```
 */
export function decodeInt32(text: string, what = "array"): Int32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 4 !== 0) throw new DataError("BAD_MODEL_FILE", `model file: ${what} is not a list of 32-bit integers (${bytes.length} bytes)`);
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
