// Shared input/output of benchmark cases: matrices as little-endian float64 files that numpy reads with
// np.fromfile(path, dtype="<f8").reshape(rows, cols), and a JSON line of results on stdout.
import { readFileSync, writeFileSync } from "node:fs";

/** A dense row-major matrix. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Writes a matrix as raw little-endian float64 (x86 and ARM are little-endian). */
export function writeMatrix(path: string, m: Matrix): void {
  writeFileSync(path, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
}

/** Reads a raw float64 matrix of known shape. */
export function readMatrix(path: string, rows: number, cols: number): Matrix {
  const buf = readFileSync(path);
  if (buf.byteLength !== rows * cols * 8) throw new Error(`${path}: ${buf.byteLength} bytes, expected ${rows}×${cols}×8`);
  const data = new Float64Array(rows * cols);
  new Uint8Array(data.buffer).set(buf);
  return { rows, cols, data };
}

/** What one side of a case reports: seconds per timed repetition, peak resident memory, and its result. */
export interface SideReport {
  readonly seconds: number[];
  readonly peakMB: number;
  readonly result: Record<string, number[] | number>;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}
