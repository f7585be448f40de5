/**
 * A tiny WebAssembly binary emitter: enough of the format (LEB128 numbers, sections, a few dozen opcodes) to write a
 * numeric kernel as a sequence of named instructions and compile it synchronously with `new WebAssembly.Module`.
 *
 * The instruction methods are named after the text format (`localGet` is `local.get`, `f64x2Mul` is `f64x2.mul`),
 * so a kernel written with {@link FunctionBuilder} reads line by line like its `.wat` source. Reference: the
 * WebAssembly core specification, chapter 5 (binary format), and the fixed-width SIMD proposal.
 */
import { InputError } from "../core/index";

/**
 * Value type codes (`i32`, `f64`, `v128`, …) of the binary format.
 *
 * @example
 * ```ts
 * valueType.v128; // => 0x7b
 * ```
 */
export const valueType = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

/**
 * A value type name, as in the text format.
 *
 * @example
 * ```ts
 * const t: ValueType = "f64";
 * ```
 */
export type ValueType = keyof typeof valueType;

/**
 * One-byte opcodes used by the kernels here.
 *
 * @example
 * ```ts
 * opcode.localGet; // => 0x20 (local.get)
 * ```
 */
export const opcode = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  drop: 0x1a,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Shl: 0x74,
  f64Add: 0xa0,
  /** Prefix of the SIMD instructions (followed by a {@link simdOpcode} as unsigned LEB128). */
  simdPrefix: 0xfd,
} as const;

/**
 * SIMD opcodes (after the 0xfd prefix, as unsigned LEB128).
 *
 * @example
 * ```ts
 * simdOpcode.f64x2Mul; // => 0xf2 (f64x2.mul, encoded 0xfd 0xf2 0x01)
 * ```
 */
export const simdOpcode = {
  v128Load: 0x00,
  v128Const: 0x0c,
  f64x2ExtractLane: 0x21,
  v128Load64Zero: 0x5d,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
} as const;

/** Section ids. */
const section = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
/** Import / export kinds. */
const externalKind = { function: 0x00, memory: 0x02 } as const;
/** The block type of a block without parameters or results. */
const emptyBlockType = 0x40;
/** The form byte of a function type. */
const functionTypeForm = 0x60;

/**
 * Unsigned LEB128 encoding of a non-negative integer below 2³².
 *
 * @param value the integer.
 * @returns its bytes, low 7 bits first.
 * @throws InputError when the value is not an integer in [0, 2³²).
 *
 * @example
 * ```ts
 * unsignedLeb128(624485); // => [0xe5, 0x8e, 0x26]
 * ```
 */
export function unsignedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** 32) {
    throw new InputError("BAD_LEB128", `unsignedLeb128: ${value} is not an integer in [0, 2³²); pass a count, index or offset`, { value });
  }
  const out: number[] = [];
  let v = value;
  do {
    const low = v % 128;
    v = Math.floor(v / 128);
    out.push(v === 0 ? low : low | 0x80);
  } while (v !== 0);
  return out;
}

/**
 * Signed LEB128 encoding of an integer in the `i32` range (as `i32.const` needs).
 *
 * @param value the integer, in [−2³¹, 2³¹).
 * @returns its bytes, low 7 bits first, sign-extended from the last byte's bit 6.
 * @throws InputError when the value is not an integer in that range.
 *
 * @example
 * ```ts
 * signedLeb128(-16); // => [0x70]
 * signedLeb128(64);  // => [0xc0, 0x00]
 * ```
 */
export function signedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new InputError("BAD_LEB128", `signedLeb128: ${value} is not an integer in [−2³¹, 2³¹); pass an i32 constant`, { value });
  }
  const out: number[] = [];
  let v = value;
  for (;;) {
    const low = v & 0x7f;
    v >>= 7; // arithmetic shift keeps the sign
    const signBit = (low & 0x40) !== 0;
    if ((v === 0 && !signBit) || (v === -1 && signBit)) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

/** A UTF-8 name prefixed by its byte length. */
function encodeName(name: string): number[] {
  const utf8 = Array.from(new TextEncoder().encode(name));
  return [...unsignedLeb128(utf8.length), ...utf8];
}

/** A vector: the count, then the items' bytes. */
function encodeVector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

/** A section: its id, its byte length, its contents. */
function encodeSection(id: number, contents: readonly number[]): number[] {
  return [id, ...unsignedLeb128(contents.length), ...contents];
}

/** Natural alignments (log₂ bytes) of the memory instructions, as the text format writes them by default. */
const naturalAlignment = { f64: 3, v128: 4, v128Load64: 3 } as const;

/**
 * Builds one function body instruction by instruction, with named locals and labels as in the text format.
 *
 * Locals are declared in order (parameters first); `localGet("x")` resolves a name to its index and `brIf("rows")`
 * a label to its depth. {@link FunctionBuilder.bytes} returns the encoded body (locals, code, final `end`).
 *
 * @example
 * ```ts
 * const f = new FunctionBuilder({ a: "i32", b: "i32" }, {});
 * f.localGet("a").localGet("b").i32Add().drop();
 * f.bytes(); // => [8, 0, 0x20, 0, 0x20, 1, 0x6a, 0x1a, 0x0b] (size, no locals, code, end)
 * ```
 */
export class FunctionBuilder<Name extends string = string> {
  /** The parameter types, in order. */
  readonly params: readonly ValueType[];
  private readonly localTypes: readonly ValueType[];
  private readonly index = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly code: number[] = [];

  /**
   * @param params parameter names and types, in order.
   * @param locals further local names and types, in order (consecutive locals of one type share a declaration).
   * @throws InputError when a name is repeated.
   */
  constructor(params: { readonly [K in Name]?: ValueType }, locals: { readonly [K in Name]?: ValueType }) {
    this.params = Object.values(params) as ValueType[];
    this.localTypes = Object.values(locals) as ValueType[];
    for (const name of [...Object.keys(params), ...Object.keys(locals)]) {
      if (this.index.has(name)) throw new InputError("DUPLICATE_LOCAL", `FunctionBuilder: local ${name} is declared twice; rename one`, { name });
      this.index.set(name, this.index.size);
    }
  }

  private local(name: Name): number[] {
    const i = this.index.get(name);
    if (i === undefined) throw new InputError("UNKNOWN_LOCAL", `FunctionBuilder: no local named ${name}; declare it first`, { name });
    return unsignedLeb128(i);
  }

  private emit(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  private simd(op: number, ...immediates: number[]): this {
    return this.emit(opcode.simdPrefix, ...unsignedLeb128(op), ...immediates);
  }

  /** `block $label` (no parameters or results). */
  block(label: string): this {
    this.labels.push(label);
    return this.emit(opcode.block, emptyBlockType);
  }
  /** `loop $label` (no parameters or results). */
  loop(label: string): this {
    this.labels.push(label);
    return this.emit(opcode.loop, emptyBlockType);
  }
  /** `end` of the innermost block or loop. */
  end(): this {
    if (this.labels.pop() === undefined) throw new InputError("UNBALANCED_END", "FunctionBuilder: end without an open block or loop; remove it", {});
    return this.emit(opcode.end);
  }
  /** `br_if $label`. */
  brIf(label: string): this {
    const depth = this.labels.lastIndexOf(label);
    if (depth < 0) throw new InputError("UNKNOWN_LABEL", `FunctionBuilder: no open block or loop named ${label}`, { label });
    return this.emit(opcode.brIf, ...unsignedLeb128(this.labels.length - 1 - depth));
  }
  /** `drop`. */
  drop(): this {
    return this.emit(opcode.drop);
  }
  /** `local.get $name`. */
  localGet(name: Name): this {
    return this.emit(opcode.localGet, ...this.local(name));
  }
  /** `local.set $name`. */
  localSet(name: Name): this {
    return this.emit(opcode.localSet, ...this.local(name));
  }
  /** `local.tee $name`. */
  localTee(name: Name): this {
    return this.emit(opcode.localTee, ...this.local(name));
  }
  /** `i32.const value`. */
  i32Const(value: number): this {
    return this.emit(opcode.i32Const, ...signedLeb128(value));
  }
  /** `i32.eqz`. */
  i32Eqz(): this {
    return this.emit(opcode.i32Eqz);
  }
  /** `i32.eq`. */
  i32Eq(): this {
    return this.emit(opcode.i32Eq);
  }
  /** `i32.lt_u`. */
  i32LtU(): this {
    return this.emit(opcode.i32LtU);
  }
  /** `i32.add`. */
  i32Add(): this {
    return this.emit(opcode.i32Add);
  }
  /** `i32.sub`. */
  i32Sub(): this {
    return this.emit(opcode.i32Sub);
  }
  /** `i32.mul`. */
  i32Mul(): this {
    return this.emit(opcode.i32Mul);
  }
  /** `i32.and`. */
  i32And(): this {
    return this.emit(opcode.i32And);
  }
  /** `i32.shl`. */
  i32Shl(): this {
    return this.emit(opcode.i32Shl);
  }
  /** `f64.add`. */
  f64Add(): this {
    return this.emit(opcode.f64Add);
  }
  /** `f64.load offset=…` (natural alignment). */
  f64Load(offset = 0): this {
    return this.emit(opcode.f64Load, naturalAlignment.f64, ...unsignedLeb128(offset));
  }
  /** `f64.store offset=…` (natural alignment). */
  f64Store(offset = 0): this {
    return this.emit(opcode.f64Store, naturalAlignment.f64, ...unsignedLeb128(offset));
  }
  /** `v128.load offset=…` (natural alignment; unaligned addresses are allowed, only slower on old CPUs). */
  v128Load(offset = 0): this {
    return this.simd(simdOpcode.v128Load, naturalAlignment.v128, ...unsignedLeb128(offset));
  }
  /** `v128.load64_zero offset=…`: one f64 into lane 0, lane 1 = 0. */
  v128Load64Zero(offset = 0): this {
    return this.simd(simdOpcode.v128Load64Zero, naturalAlignment.v128Load64, ...unsignedLeb128(offset));
  }
  /** `v128.const i64x2 0 0` (the zero vector). */
  v128Zero(): this {
    return this.simd(simdOpcode.v128Const, ...new Array<number>(16).fill(0));
  }
  /** `f64x2.add`. */
  f64x2Add(): this {
    return this.simd(simdOpcode.f64x2Add);
  }
  /** `f64x2.mul`. */
  f64x2Mul(): this {
    return this.simd(simdOpcode.f64x2Mul);
  }
  /** `f64x2.extract_lane lane`. */
  f64x2ExtractLane(lane: 0 | 1): this {
    return this.simd(simdOpcode.f64x2ExtractLane, lane);
  }

  /**
   * The encoded body: its byte length, the local declarations (runs of one type), the code and the final `end`.
   *
   * @throws InputError when a block or loop is still open.
   */
  bytes(): number[] {
    if (this.labels.length > 0) throw new InputError("UNBALANCED_END", `FunctionBuilder: ${this.labels.join(", ")} not closed; add end()`, {});
    const runs: number[][] = [];
    for (let i = 0; i < this.localTypes.length; ) {
      let j = i;
      while (j < this.localTypes.length && this.localTypes[j] === this.localTypes[i]) j++;
      runs.push([...unsignedLeb128(j - i), valueType[this.localTypes[i]!]]);
      i = j;
    }
    const body = [...encodeVector(runs), ...this.code, opcode.end];
    return [...unsignedLeb128(body.length), ...body];
  }
}

/**
 * An imported linear memory, `(import "module" "name" (memory minimum maximum shared))`.
 *
 * @example
 * ```ts
 * const memory: MemoryImport = { module: "env", name: "memory", minimum: 1, maximum: 16384, shared: true };
 * ```
 */
export interface MemoryImport {
  readonly module: string;
  readonly name: string;
  /** Initial size in 64 KiB pages. */
  readonly minimum: number;
  /** Maximum size in 64 KiB pages (required for shared memory). */
  readonly maximum?: number;
  /** Shared between threads (needs `maximum`). */
  readonly shared?: boolean;
}

/**
 * An exported function of {@link wasmModule}: its export name, the builder of its body (which holds the parameter
 * types), its result types (default none).
 *
 * @example
 * ```ts
 * const f: ExportedFunction = { name: "probe", body: new FunctionBuilder({}, {}) };
 * ```
 */
export interface ExportedFunction {
  readonly name: string;
  readonly body: FunctionBuilder;
  readonly results?: readonly ValueType[];
}

/**
 * The bytes of a module with at most one imported memory and some exported functions, in the section order and
 * encoding that wabt's `parseWat(…).toBinary({})` writes for the same text (types in order of first use, no
 * name section).
 *
 * @param spec `{ memory?, functions }`.
 * @returns the module bytes (pass to `new WebAssembly.Module`).
 * @throws InputError when a shared memory has no maximum.
 *
 * @example
 * ```ts
 * const f = new FunctionBuilder({}, {});
 * f.v128Zero().drop();
 * WebAssembly.validate(wasmModule({ functions: [{ name: "probe", body: f }] })); // => true where SIMD is supported
 * ```
 */
export function wasmModule(spec: { readonly memory?: MemoryImport; readonly functions: readonly ExportedFunction[] }): Uint8Array {
  const types: string[] = [];
  const typeOf = spec.functions.map((f) => {
    const key = JSON.stringify([f.body.params, f.results ?? []]);
    if (!types.includes(key)) types.push(key);
    return types.indexOf(key);
  });
  const typeEntries = types.map((key) => {
    const [params, results] = JSON.parse(key) as [ValueType[], ValueType[]];
    return [functionTypeForm, ...encodeVector(params.map((p) => [valueType[p]])), ...encodeVector(results.map((r) => [valueType[r]]))];
  });
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1
  bytes.push(...encodeSection(section.type, encodeVector(typeEntries)));
  const m = spec.memory;
  if (m) {
    if (m.shared && m.maximum === undefined) {
      throw new InputError("SHARED_MEMORY_WITHOUT_MAXIMUM", `wasmModule: shared memory ${m.module}.${m.name} needs a maximum size; pass maximum`, {});
    }
    const flags = (m.maximum === undefined ? 0 : 1) | (m.shared ? 2 : 0);
    const limits = [flags, ...unsignedLeb128(m.minimum), ...(m.maximum === undefined ? [] : unsignedLeb128(m.maximum))];
    bytes.push(...encodeSection(section.import, encodeVector([[...encodeName(m.module), ...encodeName(m.name), externalKind.memory, ...limits]])));
  }
  bytes.push(...encodeSection(section.function, encodeVector(typeOf.map((t) => unsignedLeb128(t)))));
  bytes.push(...encodeSection(section.export, encodeVector(spec.functions.map((f, i) => [...encodeName(f.name), externalKind.function, ...unsignedLeb128(i)]))));
  bytes.push(...encodeSection(section.code, encodeVector(spec.functions.map((f) => f.body.bytes()))));
  return Uint8Array.from(bytes);
}
