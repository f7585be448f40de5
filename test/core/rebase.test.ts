import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { DateTable } from "../../src/core/frame";
import { rebase } from "../../src/core/rebase";
import { selectColumns } from "../../src/core/select-columns";

const table: DateTable = Object.freeze({ dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.from([50, NaN, 55, 20, 45, 30]) });

describe("rebase", () => {
  it("starts each column at the base on its first value; gaps stay gaps", () => {
    const got = Array.from(rebase(table).values);
    const want = [100, NaN, 110, 100, 90, 150];
    got.forEach((v, i) => (Number.isNaN(want[i]!) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(want[i]!, 12)));
    expect(Array.from(rebase(table, 1).values.subarray(0, 2))).toEqual([1, NaN]);
  });
  it("rejects a bad base and a non-positive start", () => {
    expect(() => rebase(table, 0)).toThrow(InputError);
    expect(() => rebase({ ...table, values: Float64Array.from([0, 1, 1, 1, 1, 1]) })).toThrowError(/first value of A on d1 is 0/);
  });
  it("does not change its input", () => {
    const before = Array.from(table.values);
    rebase(table);
    expect(Array.from(table.values)).toEqual(before);
  });
});

describe("selectColumns", () => {
  it("keeps the given columns in the given order", () => {
    const s = selectColumns(table, ["B", "A"]);
    expect(s.tickers).toEqual(["B", "A"]);
    expect(Array.from(s.values)).toEqual([NaN, 50, 20, 55, 30, 45]);
  });
  it("names unknown tickers", () => {
    expect(() => selectColumns(table, ["A", "Z", "Y"])).toThrowError(/Z, Y are not columns/);
  });
});
