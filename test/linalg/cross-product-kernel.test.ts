import { readFileSync } from "node:fs";
import wabtInit from "wabt";
import { describe, expect, it } from "vitest";
import {
  CROSS_PRODUCT_MAX_PAGES,
  crossProductKernelBytes,
  crossProductKernelModule,
  wasmSimdSupported,
  webAssemblyRuntime,
  type BlockRowKernel,
} from "../../src/linalg/cross-product-kernel";
import { packagePath } from "../../src/core/paths";
import { normal, seededRandom } from "../optimise/helpers/random";

describe("crossProductKernelBytes", () => {
  it("is byte for byte what wabt assembles from cross-product-kernel.wat", async () => {
    const wabt = await wabtInit();
    const text = readFileSync(packagePath("src", "linalg", "cross-product-kernel.wat"), "utf8");
    const parsed = wabt.parseWat("cross-product-kernel.wat", text, { simd: true, threads: true });
    const assembled = parsed.toBinary({}).buffer;
    parsed.destroy();
    expect(Array.from(crossProductKernelBytes())).toEqual(Array.from(assembled));
  });

  it("compiles on Node 20 (SIMD and shared memory)", () => {
    expect(wasmSimdSupported()).toBe(true);
    expect(crossProductKernelModule()).not.toBeNull();
  });

  it("adds one block row of XᵀX into G (4 × 2 blocks, odd row counts, a row range)", () => {
    const wasm = webAssemblyRuntime()!;
    const memory = new wasm.Memory({ initial: 1, maximum: CROSS_PRODUCT_MAX_PAGES, shared: true });
    const blockRow = new wasm.Instance(crossProductKernelModule()!, { env: { memory } }).exports.blockRow as BlockRowKernel;
    const stride = 9; // rows per column; the kernel reads rows 1 … 7 (7 rows: 3 pairs and an odd one)
    const np = 8;
    const gauss = normal(seededRandom(11));
    const heap = new Float64Array(memory.buffer);
    const xIndex = np * np + 1; // X at byte 8·(np² + 1): not 16-byte aligned, which the kernel allows
    for (let k = 0; k < stride * np; k++) heap[xIndex + k] = gauss();
    heap.fill(0.5, 0, np * np); // G accumulates onto what is there
    blockRow(xIndex * 8, stride, 1, 8, 0, np, 1); // columns 4 … 7 against 0 … 7
    for (let a = 0; a < np; a++) {
      for (let b = 0; b < np; b++) {
        let s = 0.5;
        if (a >= 4) for (let i = 1; i < 8; i++) s += heap[xIndex + a * stride + i]! * heap[xIndex + b * stride + i]!;
        expect(Math.abs(heap[a * np + b]! - s)).toBeLessThan(1e-14);
      }
    }
  });
});
