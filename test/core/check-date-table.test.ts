import { describe, expect, it } from "vitest";
import { checkDateTable } from "../../src/core/check-date-table";
import { checkFrequency } from "../../src/core/check-frequency";

describe("checkDateTable / checkFrequency", () => {
  it("accepts a well-formed table and rejects shape, duplicate and order problems", () => {
    const ok = { dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: new Float64Array(4) };
    expect(() => checkDateTable(ok, "f", "prices")).not.toThrow();
    expect(() => checkDateTable({ ...ok, values: new Float64Array(3) }, "f", "prices")).toThrow(/expected 4/);
    expect(() => checkDateTable({ ...ok, tickers: ["A", "A"] }, "f", "prices")).toThrow(/ticker A twice/);
    expect(() => checkDateTable({ ...ok, dates: ["2024-01-03", "2024-01-03"] }, "f", "prices")).toThrow(/not strictly increasing at row 1/);
  });

  it("accepts positive finite frequencies only", () => {
    expect(checkFrequency(252, "f")).toBe(252);
    expect(() => checkFrequency(0, "f")).toThrow(/frequency 0/);
    expect(() => checkFrequency(Infinity, "f")).toThrow(/frequency Infinity/);
  });
});
