import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { FunctionBuilder, signedLeb128, unsignedLeb128, wasmModule } from "../../src/linalg/wasm-emitter";

const wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;

describe("unsignedLeb128 / signedLeb128", () => {
  it("encode the specification's examples and the edges", () => {
    expect(unsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(0)).toEqual([0]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb128(2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(signedLeb128(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb128(-16)).toEqual([0x70]);
    expect(signedLeb128(63)).toEqual([0x3f]);
    expect(signedLeb128(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb128(-64)).toEqual([0x40]);
    expect(signedLeb128(-65)).toEqual([0xbf, 0x7f]);
    expect(signedLeb128(-(2 ** 31))).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });

  it("throw InputError outside their ranges", () => {
    expect(() => unsignedLeb128(-1)).toThrow(InputError);
    expect(() => unsignedLeb128(2 ** 32)).toThrow(InputError);
    expect(() => unsignedLeb128(1.5)).toThrow(InputError);
    expect(() => signedLeb128(2 ** 31)).toThrow(InputError);
  });
});

describe("FunctionBuilder", () => {
  it("encodes a body with named locals (the TSDoc example)", () => {
    const f = new FunctionBuilder({ a: "i32", b: "i32" }, {});
    f.localGet("a").localGet("b").i32Add().drop();
    expect(f.bytes()).toEqual([8, 0, 0x20, 0, 0x20, 1, 0x6a, 0x1a, 0x0b]);
  });

  it("groups consecutive locals of one type and resolves labels to depths", () => {
    const f = new FunctionBuilder({ p: "i32" }, { i: "i32", j: "i32", v: "v128", w: "v128", k: "i32" });
    f.block("out").loop("again").localGet("k").brIf("out").localGet("p").brIf("again").end().end();
    // locals: 3 runs (2 × i32, 2 × v128, 1 × i32); br_if out from inside the loop has depth 1, br_if again depth 0.
    expect(f.bytes()).toEqual([22, 3, 2, 0x7f, 2, 0x7b, 1, 0x7f, 0x02, 0x40, 0x03, 0x40, 0x20, 5, 0x0d, 1, 0x20, 0, 0x0d, 0, 0x0b, 0x0b, 0x0b]);
  });

  it("throws InputError for unknown or repeated names and unbalanced blocks", () => {
    expect(() => new FunctionBuilder({ a: "i32" }, { a: "f64" } as never)).toThrow(InputError);
    const f = new FunctionBuilder<"a" | "b">({ a: "i32" }, {});
    expect(() => f.localGet("b")).toThrow(/no local named b/);
    expect(() => f.brIf("nowhere")).toThrow(InputError);
    expect(() => f.end()).toThrow(InputError);
    f.block("open");
    expect(() => f.bytes()).toThrow(/open not closed/);
  });
});

describe("wasmModule", () => {
  it("writes modules that validate, with and without an imported shared memory", () => {
    const probe = new FunctionBuilder({}, {});
    probe.v128Zero().drop();
    expect(wasm.validate(wasmModule({ functions: [{ name: "probe", body: probe }] }))).toBe(true);
    const load = new FunctionBuilder({ p: "i32" }, {});
    load.localGet("p").f64Load(8).drop();
    const bytes = wasmModule({ memory: { module: "env", name: "memory", minimum: 1, maximum: 2, shared: true }, functions: [{ name: "load", body: load }] });
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(wasm.validate(bytes)).toBe(true);
  });

  it("throws InputError for a shared memory without a maximum", () => {
    expect(() => wasmModule({ memory: { module: "env", name: "memory", minimum: 1, shared: true }, functions: [] })).toThrow(/needs a maximum/);
  });
});
