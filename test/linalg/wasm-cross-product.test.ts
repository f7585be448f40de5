import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import {
  crossProductWorkerThreads,
  startCrossProductWorkers,
  stopCrossProductWorkers,
  wasmCrossPanels,
  wasmCrossProduct,
  type ColumnPanelWriter,
} from "../../src/linalg/wasm-cross-product";
import { normal, seededRandom } from "../optimise/helpers/random";

/** XᵀX by a naive double loop over pairs. */
function naive(x: Float64Array, t: number, n: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let i = 0; i < t; i++) s += x[a * t + i]! * x[b * t + i]!;
      g[a * n + b] = s;
    }
  }
  return g;
}

function randomColumns(t: number, n: number, seed: number): Float64Array {
  return Float64Array.from({ length: t * n }, normal(seededRandom(seed)));
}

/** |G − naive| relative to √(GₐₐG_bb) ≥ Σᵢ|X[i][a]·X[i][b]| (the scale of rounding errors), and exact symmetry. */
function expectProduct(g: Float64Array | null, x: Float64Array, t: number, n: number, tolerance = 1e-13): void {
  expect(g).not.toBeNull();
  const want = naive(x, t, n);
  let worst = 0;
  let asymmetric = 0;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      worst = Math.max(worst, Math.abs(g![a * n + b]! - want[a * n + b]!) / Math.sqrt(want[a * n + a]! * want[b * n + b]!));
      if (!Object.is(g![a * n + b], g![b * n + a])) asymmetric++;
    }
  }
  expect(worst).toBeLessThan(tolerance);
  expect(asymmetric).toBe(0);
}

afterAll(async () => {
  await stopCrossProductWorkers();
});

describe("wasmCrossProduct", () => {
  it("is XᵀX of a column-major matrix (the TSDoc example)", () => {
    expect(Array.from(wasmCrossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2)!)).toEqual([10, 14, 14, 20]);
  });

  it.each([
    [1, 1],
    [2, 1],
    [7, 5],
    [8, 4],
    [3, 9],
    [513, 37],
    [1100, 10],
  ])("matches a naive double loop for %i rows × %i columns", (t, n) => {
    const x = randomColumns(t, n, 1000 * t + n);
    expectProduct(wasmCrossProduct(x, t, n, { workers: 0 }), x, t, n);
  });

  it("gives 0 × 0 or zeros for empty shapes and throws InputError on a length mismatch", () => {
    expect(wasmCrossProduct(new Float64Array(0), 0, 3)).toEqual(new Float64Array(9));
    expect(wasmCrossProduct(new Float64Array(0), 5, 0)).toEqual(new Float64Array(0));
    expect(() => wasmCrossProduct(new Float64Array(5), 2, 3)).toThrow(InputError);
    expect(() => wasmCrossProduct(new Float64Array(6), 2.5, 2)).toThrow(InputError);
  });

  it("propagates NaN to the row and column of its column only", () => {
    const t = 9;
    const n = 5;
    const x = randomColumns(t, n, 5);
    x[2 * t + 4] = NaN;
    const g = wasmCrossProduct(x, t, n)!;
    const want = naive(x, t, n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a === 2 || b === 2) expect(g[a * n + b]).toBeNaN();
        else expect(Math.abs(g[a * n + b]! - want[a * n + b]!)).toBeLessThan(1e-13 * Math.max(1, Math.abs(want[a * n + b]!)));
      }
    }
  });

  it("gives the same bits with any panel size (rows fed in panels accumulate)", () => {
    const [t, n] = [1500, 13];
    const x = randomColumns(t, n, 77);
    const whole = wasmCrossProduct(x, t, n, { workers: 0 })!;
    expectProduct(whole, x, t, n);
    expect(wasmCrossProduct(x, t, n, { workers: 0, panelRows: 512 })).toEqual(whole);
    expect(wasmCrossProduct(x, t, n, { workers: 0, panelRows: 700 })).toEqual(whole); // rounded up to 1,024
  });

  it("gives the same bits with a worker thread as without, and leaves its input unchanged", async () => {
    expect(await startCrossProductWorkers(1)).toBe(1);
    const [t, n] = [1200, 61];
    const x = randomColumns(t, n, 61);
    const copy = x.slice();
    const alone = wasmCrossProduct(x, t, n, { workers: 0 })!;
    const shared = wasmCrossProduct(x, t, n, { workers: 1 })!;
    expect(shared).toEqual(alone);
    expectProduct(shared, x, t, n);
    expect(wasmCrossProduct(x, t, n, { workers: 1, panelRows: 512 })).toEqual(alone);
    expect(x.every((v, k) => v === copy[k])).toBe(true); // input unchanged
    expect(await startCrossProductWorkers(2)).toBe(2);
    expect(wasmCrossProduct(x, t, n, { workers: 2 })).toEqual(alone);
  });

  it("still gives the right product when its worker dies unannounced (no hang)", async () => {
    expect(await startCrossProductWorkers(1)).toBe(1);
    const [t, n] = [600, 40];
    const x = randomColumns(t, n, 3);
    const before = wasmCrossProduct(x, t, n, { workers: 0 })!;
    for (const worker of crossProductWorkerThreads()) void worker.terminate(); // its exit event has not run yet
    const g = wasmCrossProduct(x, t, n, { workers: 1 });
    expectProduct(g ?? before, x, t, n); // null = "recompute with the JavaScript kernel" when it died mid-job
    if (g !== null) expect(g).toEqual(before);
    await stopCrossProductWorkers();
  }, 20_000);
});

describe("wasmCrossPanels", () => {
  /** A writer of the column-major `x`, recording the panels it was asked for. */
  function writerOf(x: Float64Array, t: number, n: number, calls: [number, number, number][]): ColumnPanelWriter {
    return (target, stride, firstRow, rows) => {
      calls.push([stride, firstRow, rows]);
      expect(target.length).toBeGreaterThanOrEqual(n * stride);
      for (let j = 0; j < n; j++) target.set(x.subarray(j * t + firstRow, j * t + firstRow + rows), j * stride);
    };
  }

  it("is XᵀX of the matrix its writer describes (the TSDoc example)", () => {
    const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
      for (let i = 0; i < rows; i++) {
        target[i] = 1 + 2 * (firstRow + i);
        target[stride + i] = 2 + 2 * (firstRow + i);
      }
    };
    expect(Array.from(wasmCrossPanels(write, 2, 2)!)).toEqual([10, 14, 14, 20]);
  });

  it("gives the bits of wasmCrossProduct, asking for each row panel once, in order", async () => {
    const [t, n] = [1500, 13];
    const x = randomColumns(t, n, 91);
    const whole = wasmCrossProduct(x, t, n, { workers: 0 })!;
    const calls: [number, number, number][] = [];
    expect(wasmCrossPanels(writerOf(x, t, n, calls), t, n, { workers: 0 })).toEqual(whole);
    expect(calls).toEqual([[1500, 0, 1500]]);
    calls.length = 0;
    expect(wasmCrossPanels(writerOf(x, t, n, calls), t, n, { workers: 0, panelRows: 512 })).toEqual(whole);
    expect(calls).toEqual([[512, 0, 512], [512, 512, 512], [512, 1024, 476]]);
    expect(await startCrossProductWorkers(1)).toBe(1);
    expect(wasmCrossPanels(writerOf(x, t, n, []), t, n, { workers: 1 })).toEqual(whole);
    await stopCrossProductWorkers();
  });

  it("gives zeros for empty shapes without calling the writer, and throws InputError for a bad shape", () => {
    const calls: [number, number, number][] = [];
    expect(wasmCrossPanels(writerOf(new Float64Array(0), 0, 3, calls), 0, 3)).toEqual(new Float64Array(9));
    expect(calls).toEqual([]);
    expect(() => wasmCrossPanels(() => undefined, 2.5, 2)).toThrow(InputError);
    expect(() => wasmCrossPanels(() => undefined, -1, 2)).toThrow(InputError);
  });
});
