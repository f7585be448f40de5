// C += A·Bᵀ: known answers, every edge of the SIMD kernel's 4 × 2 blocks, and WebAssembly equal to JavaScript bit for bit.
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { multiplyAddTransposed, multiplyAddTransposedRange } from "../../../src/models/lstm/multiply-add-transposed";
import { TransposedProductMemory, transposedProductKernelBytes } from "../../../src/models/lstm/transposed-product-kernel";

/** C += A·Bᵀ by the textbook triple loop, one running sum per entry. */
function naive(m: number, n: number, k: number, mem: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): Float64Array {
  const out = mem.slice();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += mem[a + i * lda + p]! * mem[b + j * ldb + p]!;
      out[c + i * ldc + j] += s;
    }
  }
  return out;
}

describe("multiplyAddTransposed", () => {
  it("adds a 2 × 2 product A·Bᵀ to C (hand-computed)", () => {
    // A = [1 2; 3 4] at 0, B = [5 6; 7 8] at 4, C = ones at 8: A·Bᵀ = [17 23; 39 53].
    const mem = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 1, 1);
    multiplyAddTransposed(2, 2, 2, mem, 0, 2, 4, 2, 8, 2);
    expect(Array.from(mem.subarray(8))).toEqual([18, 24, 40, 54]);
  });

  it("touches only its block of C when restricted to a range", () => {
    const mem = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0);
    multiplyAddTransposedRange(1, 2, 1, 2, 2, mem, 0, 2, 4, 2, 8, 2);
    expect(Array.from(mem.subarray(8))).toEqual([0, 0, 0, 53]);
  });
});

describe("TransposedProductMemory", () => {
  it("runs the WebAssembly SIMD kernel on Node 20", () => {
    const wasm = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    expect(wasm.validate(transposedProductKernelBytes())).toBe(true);
    expect(new TransposedProductMemory(16).simd).toBe(true);
    expect(new TransposedProductMemory(16, false).simd).toBe(false);
  });

  it("agrees with the triple loop for every size around its 4 × 2 blocks and odd lengths, strided and offset; SIMD and JavaScript bit-identical", () => {
    const rng = createRng(7);
    for (const m of [1, 3, 4, 5, 8, 9]) {
      for (const n of [1, 2, 3, 6, 7]) {
        for (const k of [1, 2, 3, 8, 33]) {
          const [lda, ldb, ldc] = [k + 1, k + 3, n + 2];
          const a = 1;
          const b = a + m * lda + 1;
          const c = b + n * ldb + 3;
          const size = c + m * ldc + 5;
          const simd = new TransposedProductMemory(size);
          const plain = new TransposedProductMemory(size, false);
          for (let i = 0; i < size; i++) simd.mem[i] = plain.mem[i] = rng.normal();
          const want = naive(m, n, k, plain.mem.slice(0, size), a, lda, b, ldb, c, ldc);
          simd.multiplyAdd(m, n, k, a, lda, b, ldb, c, ldc);
          plain.multiplyAdd(m, n, k, a, lda, b, ldb, c, ldc);
          expect(simd.mem.subarray(0, size)).toEqual(plain.mem.subarray(0, size));
          for (let i = 0; i < size; i++) expect(plain.mem[i]).toBeCloseTo(want[i]!, 12);
        }
      }
    }
  });

  it("keeps its contents when it grows", () => {
    const w = new TransposedProductMemory(4);
    w.mem[3] = 2.5;
    w.ensure(100_000);
    expect(w.mem.length).toBeGreaterThanOrEqual(100_000);
    expect(w.mem[3]).toBe(2.5);
  });
});
