/**
 * The WebAssembly SIMD kernel of the cross product `XᵀX`: module bytes built with the emitter, compiled once.
 */
import { FunctionBuilder, wasmModule } from "./wasm-emitter";

/**
 * The parts of the global `WebAssembly` object used here (the project compiles without the DOM typings, which
 * declare it).
 *
 * @example
 * ```ts
 * const wasm: WebAssemblyRuntime | undefined = webAssemblyRuntime();
 * ```
 */
export interface WebAssemblyRuntime {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WebAssemblyMemory;
  validate(bytes: Uint8Array): boolean;
}

/**
 * A `WebAssembly.Memory`: its buffer (a `SharedArrayBuffer` when shared; bytes) and `grow(pages)` (64 KiB pages).
 *
 * @example
 * ```ts
 * const memory: WebAssemblyMemory = new (webAssemblyRuntime()!.Memory)({ initial: 1 });
 * memory.buffer.byteLength; // => 65536
 * ```
 */
export interface WebAssemblyMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/**
 * The kernel `blockRow(x, stride, r0, r1, g, np, A)` (all `i32`, byte addresses into the memory): for the columns
 * `a = 4A … 4A + 3` and every `b = 0 … 4A + 3`, `G[a][b] += Σ_{r0 ≤ i < r1} X[i][a]·X[i][b]`, with X column-major
 * (`stride` rows per column, `np` columns, `np` a multiple of {@link KERNEL_BLOCK_COLUMNS}) at `x` and G row-major
 * `np × np` at `g`.
 *
 * @example
 * ```ts
 * const blockRow = instance.exports.blockRow as BlockRowKernel;
 * blockRow(xByte, nRows, 0, nRows, 0, np, 0); // G's rows 0 … 3, columns 0 … 3
 * ```
 */
export type BlockRowKernel = (x: number, stride: number, r0: number, r1: number, g: number, np: number, blockRow: number) => void;

/**
 * Columns per block row of the kernel (its blocks are 4 × 2): X is padded with zero columns to a multiple of it.
 *
 * @example
 * ```ts
 * Math.ceil(37 / KERNEL_BLOCK_COLUMNS) * KERNEL_BLOCK_COLUMNS; // => 40 columns in memory for 37
 * ```
 */
export const KERNEL_BLOCK_COLUMNS = 4;

/**
 * Size of a WebAssembly memory page, in bytes.
 *
 * @example
 * ```ts
 * CROSS_PRODUCT_MAX_PAGES * WASM_PAGE_BYTES; // => 1073741824 (1 GiB)
 * ```
 */
export const WASM_PAGE_BYTES = 65536;

/**
 * The declared maximum of the kernel's shared memory, in pages (1 GiB: larger inputs are fed in row panels).
 *
 * @example
 * ```ts
 * CROSS_PRODUCT_MAX_PAGES; // => 16384
 * ```
 */
export const CROSS_PRODUCT_MAX_PAGES = 16384;

/**
 * The global `WebAssembly`, or undefined where the runtime has none.
 *
 * @returns the runtime's `WebAssembly` object, typed with what this code uses.
 *
 * @example
 * ```ts
 * webAssemblyRuntime()?.validate(crossProductKernelBytes()); // => true on Node 20
 * ```
 */
export function webAssemblyRuntime(): WebAssemblyRuntime | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyRuntime }).WebAssembly;
}

type KernelLocal =
  | "x" | "stride" | "r0" | "r1" | "g" | "np" | "A"
  | "col8" | "np8" | "len" | "even" | "off" | "pa0" | "pa1" | "pa2" | "pa3" | "pb0" | "pb1" | "gp" | "gr" | "bq" | "bEnd"
  | "a0" | "a1" | "a2" | "a3" | "v" | "s00" | "s01" | "s10" | "s11" | "s20" | "s21" | "s30" | "s31";

/**
 * The bytes of the cross-product kernel module, instruction for instruction as `cross-product-kernel.wat` (its
 * readable source, which a test assembles with wabt and compares): it imports `env.memory` (shared, 1 to
 * {@link CROSS_PRODUCT_MAX_PAGES} pages) and exports `blockRow` ({@link BlockRowKernel}).
 *
 * @returns the module bytes (947 bytes).
 *
 * @example
 * ```ts
 * const bytes = crossProductKernelBytes();
 * Array.from(bytes.subarray(0, 4)); // => [0x00, 0x61, 0x73, 0x6d] ("\0asm")
 * ```
 */
export function crossProductKernelBytes(): Uint8Array {
  const f = new FunctionBuilder<KernelLocal>(
    { x: "i32", stride: "i32", r0: "i32", r1: "i32", g: "i32", np: "i32", A: "i32" },
    {
      col8: "i32", np8: "i32", len: "i32", even: "i32", off: "i32",
      pa0: "i32", pa1: "i32", pa2: "i32", pa3: "i32", pb0: "i32", pb1: "i32",
      gp: "i32", gr: "i32", bq: "i32", bEnd: "i32",
      a0: "v128", a1: "v128", a2: "v128", a3: "v128", v: "v128",
      s00: "v128", s01: "v128", s10: "v128", s11: "v128", s20: "v128", s21: "v128", s30: "v128", s31: "v128",
    },
  );
  const rows = [0, 1, 2, 3] as const; // p: the block's rows of G (columns 4A + p of X)
  const cols = [0, 1] as const; // q: the block's columns of G (columns 2B + q of X)
  const a = ["a0", "a1", "a2", "a3"] as const;
  const pa = ["pa0", "pa1", "pa2", "pa3"] as const;
  const pb = ["pb0", "pb1"] as const;
  const s = [["s00", "s01"], ["s10", "s11"], ["s20", "s21"], ["s30", "s31"]] as const;

  // col8 = 8·stride; np8 = 8·np; len = 8·(r1 − r0); even = len & −16
  f.localGet("stride").i32Const(3).i32Shl().localSet("col8");
  f.localGet("np").i32Const(3).i32Shl().localSet("np8");
  f.localGet("r1").localGet("r0").i32Sub().i32Const(3).i32Shl().localSet("len");
  f.localGet("len").i32Const(-16).i32And().localSet("even");
  // pa0 … pa3 = row r0 of columns 4A … 4A + 3
  f.localGet("x").localGet("A").i32Const(4).i32Mul().localGet("col8").i32Mul().i32Add();
  f.localGet("r0").i32Const(3).i32Shl().i32Add();
  f.localTee("pa0").localGet("col8").i32Add().localTee("pa1").localGet("col8").i32Add().localTee("pa2").localGet("col8").i32Add().localSet("pa3");
  // pb0 = row r0 of column 0
  f.localGet("x").localGet("r0").i32Const(3).i32Shl().i32Add().localSet("pb0");
  // gp = G's row 4A; bEnd = 8·(4A + 4)
  f.localGet("g").localGet("A").i32Const(4).i32Mul().localGet("np8").i32Mul().i32Add().localSet("gp");
  f.localGet("A").i32Const(32).i32Mul().i32Const(32).i32Add().localSet("bEnd");

  /** s_pq += a_p · (column q of block B), loading each a_p and column with `load`. */
  const step = (load: "v128Load" | "v128Load64Zero"): void => {
    for (const p of rows) f.localGet(pa[p]).localGet("off").i32Add()[load]().localSet(a[p]);
    for (const q of cols) {
      f.localGet(pb[q]).localGet("off").i32Add()[load]().localSet("v");
      for (const p of rows) f.localGet(s[p][q]).localGet(a[p]).localGet("v").f64x2Mul().f64x2Add().localSet(s[p][q]);
    }
  };

  f.loop("blocks");
  f.localGet("pb0").localGet("col8").i32Add().localSet("pb1");
  for (const p of rows) for (const q of cols) f.v128Zero().localSet(s[p][q]);
  f.i32Const(0).localSet("off");
  // pairs of rows
  f.block("noPairs").localGet("even").i32Eqz().brIf("noPairs");
  f.loop("rows");
  step("v128Load");
  f.localGet("off").i32Const(16).i32Add().localTee("off").localGet("even").i32LtU().brIf("rows");
  f.end().end();
  // an odd last row, lane 1 = 0
  f.block("noOddRow").localGet("len").localGet("even").i32Eq().brIf("noOddRow");
  step("v128Load64Zero");
  f.end();
  // G[4A + p][2B + q] += lane 0 + lane 1
  for (const p of rows) {
    if (p === 0) f.localGet("gp").localGet("bq").i32Add().localTee("gr");
    else f.localGet("gr").localGet("np8").i32Add().localTee("gr");
    for (const q of cols) {
      if (q > 0) f.localGet("gr");
      f.localGet("gr").f64Load(8 * q);
      f.localGet(s[p][q]).f64x2ExtractLane(0).localGet(s[p][q]).f64x2ExtractLane(1).f64Add().f64Add();
      f.f64Store(8 * q);
    }
  }
  // next block while 2B < 4A + 4
  f.localGet("pb1").localGet("col8").i32Add().localSet("pb0");
  f.localGet("bq").i32Const(16).i32Add().localTee("bq").localGet("bEnd").i32LtU().brIf("blocks");
  f.end();

  return wasmModule({
    memory: { module: "env", name: "memory", minimum: 1, maximum: CROSS_PRODUCT_MAX_PAGES, shared: true },
    functions: [{ name: "blockRow", body: f }],
  });
}

/**
 * Whether this runtime runs WebAssembly fixed-width SIMD (Node ≥ 16.4; validated with a one-instruction module).
 *
 * @returns `true` when a module using `v128` validates.
 *
 * @example
 * ```ts
 * wasmSimdSupported(); // => true on Node 20
 * ```
 */
export function wasmSimdSupported(): boolean {
  const wasm = webAssemblyRuntime();
  if (!wasm) return false;
  const probe = new FunctionBuilder({}, {});
  probe.v128Zero().drop();
  try {
    return wasm.validate(wasmModule({ functions: [{ name: "probe", body: probe }] }));
  } catch {
    return false;
  }
}

let compiled: object | null | undefined;

/**
 * The compiled kernel module (a `WebAssembly.Module`, compiled synchronously on first use and kept), or `null` when
 * the runtime lacks WebAssembly SIMD or shared memory (callers then use the JavaScript kernel).
 *
 * @returns the module, or `null`.
 *
 * @example
 * ```ts
 * crossProductKernelModule() !== null; // => true on Node 20
 * ```
 */
export function crossProductKernelModule(): object | null {
  if (compiled !== undefined) return compiled;
  const wasm = webAssemblyRuntime();
  compiled = null;
  if (wasm && wasmSimdSupported()) {
    try {
      const bytes = crossProductKernelBytes();
      if (wasm.validate(bytes)) compiled = new wasm.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
