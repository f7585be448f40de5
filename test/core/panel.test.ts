import { describe, expect, it } from "vitest";
import { panel } from "../../src/core/panel";

const p = panel({
  names: ["momentum"],
  columns: [Float64Array.from([0.1, 0.2, 0.3, 0.4])],
  dates: ["2024-03-29", "2024-03-29", "2024-06-28", "2024-06-28"],
  tickers: ["A", "B", "A", "B"],
});

describe("Panel", () => {
  it("joins a column row by row and rejects a misaligned one", () => {
    const q = p.with("forecast", [Number.NaN, Number.NaN, 1, 2], "fraction");
    expect(q.names).toEqual(["momentum", "forecast"]);
    expect(q.wherePresent("forecast").tickers).toEqual(["A", "B"]);
    expect(() => p.with("x", [1])).toThrow(/1 values for 4 rows/);
  });
  it("takes one date and reads a column as a vector by ticker", () => {
    expect(p.latest().column("momentum").get("B")).toBe(0.4);
    expect(p.on("2024-03-29").column("momentum").get("A")).toBe(0.1);
    expect(() => p.column("momentum")).toThrow(/holds 2 dates/);
    expect(() => p.on("2020-01-01")).toThrow(/no row dated 2020-01-01/);
  });
  it("checks its fields", () => {
    expect(() => panel({ names: ["x"], columns: [Float64Array.from([1])], dates: ["d", "d"], tickers: ["A", "B"] })).toThrow(/column x has 1 values for 2 rows/);
  });
});
