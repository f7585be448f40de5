/**
 * The WebAssembly SIMD kernel of the LSTM engine's products, C += A·Bᵀ (see `multiplyAddTransposed`), and the
 * memory it works in: module bytes built with the project's emitter, compiled once, one instance and one memory per
 * network.
 */
import { FunctionBuilder, wasmModule } from "../../linalg/index";
import { multiplyAddTransposedRange } from "./multiply-add-transposed";

/** The parts of the global `WebAssembly` object used here (the project compiles without the DOM typings). */
interface Runtime {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  validate(bytes: Uint8Array): boolean;
}

type Kernel = (a: number, lda: number, b: number, ldb: number, c: number, ldc: number, mBlocks: number, nBlocks: number, k: number) => void;

type KernelLocal =
  | "a" | "lda" | "b" | "ldb" | "c" | "ldc" | "mBlocks" | "nBlocks" | "k"
  | "kk" | "even" | "off" | "j" | "pa0" | "pa1" | "pa2" | "pa3" | "pb0" | "pb1" | "pc" | "bj" | "cj"
  | "a0" | "a1" | "a2" | "a3" | "v" | "s00" | "s01" | "s10" | "s11" | "s20" | "s21" | "s30" | "s31";

/** Bytes per 64 KiB page of WebAssembly memory. */
const PAGE_BYTES = 65536;
/** The memory's declared maximum, in pages (1 GiB). */
const MAX_PAGES = 16384;

/**
 * The bytes of the kernel module: it imports `env.memory` (not shared) and exports
 * `multiplyAddTransposed(a, lda, b, ldb, c, ldc, mBlocks, nBlocks, k)` (all `i32`; addresses and row strides in
 * bytes, k in elements), which adds A·Bᵀ into C for the first 4·mBlocks rows and 2·nBlocks columns of C, in 4 × 2
 * blocks: per block, eight `f64x2` sums run along the rows of A and B two entries at a time (an odd last entry
 * with lane 1 zero), then each C entry gains lane 0 + lane 1.
 *
 * @returns the module bytes.
 * @example
 * ```ts
 * Array.from(transposedProductKernelBytes().subarray(0, 4)); // => [0x00, 0x61, 0x73, 0x6d] ("\0asm")
 * ```
 */
export function transposedProductKernelBytes(): Uint8Array {
  const f = new FunctionBuilder<KernelLocal>(
    { a: "i32", lda: "i32", b: "i32", ldb: "i32", c: "i32", ldc: "i32", mBlocks: "i32", nBlocks: "i32", k: "i32" },
    {
      kk: "i32", even: "i32", off: "i32", j: "i32", pa0: "i32", pa1: "i32", pa2: "i32", pa3: "i32", pb0: "i32", pb1: "i32", pc: "i32", bj: "i32", cj: "i32",
      a0: "v128", a1: "v128", a2: "v128", a3: "v128", v: "v128",
      s00: "v128", s01: "v128", s10: "v128", s11: "v128", s20: "v128", s21: "v128", s30: "v128", s31: "v128",
    },
  );
  const rows = [0, 1, 2, 3] as const;
  const cols = [0, 1] as const;
  const av = ["a0", "a1", "a2", "a3"] as const;
  const pa = ["pa0", "pa1", "pa2", "pa3"] as const;
  const pb = ["pb0", "pb1"] as const;
  const s = [["s00", "s01"], ["s10", "s11"], ["s20", "s21"], ["s30", "s31"]] as const;

  /** s_pq += (row p of A) · (row q of B), two entries at `off`, loaded with `load`. */
  const step = (load: "v128Load" | "v128Load64Zero"): void => {
    for (const p of rows) f.localGet(pa[p]).localGet("off").i32Add()[load]().localSet(av[p]);
    for (const q of cols) {
      f.localGet(pb[q]).localGet("off").i32Add()[load]().localSet("v");
      for (const p of rows) f.localGet(s[p][q]).localGet(av[p]).localGet("v").f64x2Mul().f64x2Add().localSet(s[p][q]);
    }
  };

  // kk = 8k (bytes per dot product); even = kk rounded down to whole pairs
  f.localGet("k").i32Const(3).i32Shl().localTee("kk").i32Const(-16).i32And().localSet("even");
  f.loop("rowBlocks");
  // pa0 … pa3: rows 4I … 4I + 3 of A
  f.localGet("a").localTee("pa0").localGet("lda").i32Add().localTee("pa1").localGet("lda").i32Add().localTee("pa2").localGet("lda").i32Add().localSet("pa3");
  f.localGet("b").localSet("bj");
  f.localGet("c").localSet("cj");
  f.localGet("nBlocks").localSet("j");
  f.loop("colBlocks");
  f.localGet("bj").localTee("pb0").localGet("ldb").i32Add().localSet("pb1");
  for (const p of rows) for (const q of cols) f.v128Zero().localSet(s[p][q]);
  f.i32Const(0).localSet("off");
  f.block("noPairs").localGet("even").i32Eqz().brIf("noPairs");
  f.loop("pairs");
  step("v128Load");
  f.localGet("off").i32Const(16).i32Add().localTee("off").localGet("even").i32LtU().brIf("pairs");
  f.end().end();
  f.block("noOdd").localGet("kk").localGet("even").i32Eq().brIf("noOdd");
  step("v128Load64Zero");
  f.end();
  // C[4I + p][2J + q] += lane 0 + lane 1
  for (const p of rows) {
    if (p === 0) f.localGet("cj").localTee("pc");
    else f.localGet("pc").localGet("ldc").i32Add().localTee("pc");
    for (const q of cols) {
      if (q > 0) f.localGet("pc");
      f.localGet("pc").f64Load(8 * q);
      f.localGet(s[p][q]).f64x2ExtractLane(0).localGet(s[p][q]).f64x2ExtractLane(1).f64Add().f64Add();
      f.f64Store(8 * q);
    }
  }
  // next column block: B two rows on, C two entries on
  f.localGet("pb1").localGet("ldb").i32Add().localSet("bj");
  f.localGet("cj").i32Const(16).i32Add().localSet("cj");
  f.localGet("j").i32Const(1).i32Sub().localTee("j").brIf("colBlocks");
  f.end();
  // next row block: A and C four rows on
  f.localGet("pa3").localGet("lda").i32Add().localSet("a");
  f.localGet("c").localGet("ldc").i32Const(2).i32Shl().i32Add().localSet("c");
  f.localGet("mBlocks").i32Const(1).i32Sub().localTee("mBlocks").brIf("rowBlocks");
  f.end();
  return wasmModule({
    memory: { module: "env", name: "memory", minimum: 1, maximum: MAX_PAGES },
    functions: [{ name: "multiplyAddTransposed", body: f }],
  });
}

let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is missing (compiled once). */
function kernelModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const wasm = (globalThis as { WebAssembly?: Runtime }).WebAssembly;
  if (wasm === undefined) return compiled;
  try {
    const bytes = transposedProductKernelBytes();
    if (wasm.validate(bytes)) compiled = new wasm.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * One flat Float64Array of working memory and the product C += A·Bᵀ on it: WebAssembly SIMD when the runtime has
 * it (the array is then a view of the instance's memory), `multiplyAddTransposed` in JavaScript otherwise. Both add
 * in the same order: the results are bit-identical.
 *
 * @example
 * ```ts
 * const w = new TransposedProductMemory(8);
 * w.mem.set([1, 2, 3, 4]);               // A = [1 2], B = [3 4]
 * w.multiplyAdd(1, 1, 2, 0, 2, 2, 2, 4, 1);
 * w.mem[4];                              // => 11
 * ```
 */
export class TransposedProductMemory {
  /** The working memory (replaced by {@link TransposedProductMemory.ensure} when it grows: re-read it after). */
  mem: Float64Array;
  /** Whether the WebAssembly kernel runs the products. */
  readonly simd: boolean;
  private readonly kernel: Kernel | null;
  private readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number } | null;

  /**
   * @param size elements of working memory, zero-filled.
   * @param simd `false` to use the JavaScript product even where WebAssembly SIMD runs (tests).
   */
  constructor(size: number, simd = true) {
    const module = simd ? kernelModule() : null;
    const wasm = (globalThis as { WebAssembly?: Runtime }).WebAssembly;
    if (module !== null && wasm !== undefined) {
      const pages = Math.max(1, Math.ceil((8 * size) / PAGE_BYTES));
      this.memory = new wasm.Memory({ initial: pages, maximum: MAX_PAGES });
      this.kernel = new wasm.Instance(module, { env: { memory: this.memory } }).exports.multiplyAddTransposed as Kernel;
      this.mem = new Float64Array(this.memory.buffer);
    } else {
      this.memory = null;
      this.kernel = null;
      this.mem = new Float64Array(size);
    }
    this.simd = this.kernel !== null;
  }

  /** Grows the memory to at least `size` elements, keeping its contents (then `mem` is a new view). */
  ensure(size: number): void {
    if (size <= this.mem.length) return;
    if (this.memory !== null) {
      this.memory.grow(Math.ceil((8 * size - this.memory.buffer.byteLength) / PAGE_BYTES));
      this.mem = new Float64Array(this.memory.buffer);
    } else {
      const grown = new Float64Array(size);
      grown.set(this.mem);
      this.mem = grown;
    }
  }

  /**
   * C += A·Bᵀ within `mem`, as {@link multiplyAddTransposed} (offsets and row strides in elements).
   *
   * @example
   * ```ts
   * w.multiplyAdd(32, 128, 32, h, 32, uT, 32, z, 128); // z (32 × 128) += h (32 × 32) · Uᵀ
   * ```
   */
  multiplyAdd(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void {
    const kernel = this.kernel;
    if (kernel === null) {
      multiplyAddTransposedRange(0, m, 0, n, k, this.mem, a, lda, b, ldb, c, ldc);
      return;
    }
    const mBlocks = m >> 2;
    const nBlocks = n >> 1;
    if (mBlocks > 0 && nBlocks > 0 && k > 0) kernel(8 * a, 8 * lda, 8 * b, 8 * ldb, 8 * c, 8 * ldc, mBlocks, nBlocks, k);
    const mm = 4 * mBlocks;
    const nn = 2 * nBlocks;
    if (nn < n) multiplyAddTransposedRange(0, mm, nn, n, k, this.mem, a, lda, b, ldb, c, ldc);
    if (mm < m) multiplyAddTransposedRange(mm, m, 0, n, k, this.mem, a, lda, b, ldb, c, ldc);
  }
}
