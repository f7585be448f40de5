import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { checkKnownTickers, inDateRange, validatePriceQuery } from "../../../src/data/sources";

describe("validatePriceQuery", () => {
  it("returns a valid query unchanged", () => {
    const q = Object.freeze({ tickers: Object.freeze(["A", "B"]), start: "2024-01-01", end: "2024-01-01" });
    expect(validatePriceQuery("s", q)).toBe(q);
    expect(validatePriceQuery("s")).toEqual({});
  });

  it("names what is wrong", () => {
    expect(() => validatePriceQuery("s", { tickers: [] })).toThrow("s: the ticker list is empty; pass at least one ticker or omit tickers to load all");
    expect(() => validatePriceQuery("s", { tickers: ["A", " "] })).toThrow(/ticker " " is not a non-empty string/);
    expect(() => validatePriceQuery("s", { tickers: ["A", "B", "A"] })).toThrow(/ticker\(s\) A listed more than once/);
    expect(() => validatePriceQuery("s", { start: "2024-1-1" })).toThrow(/start date "2024-1-1" is not an ISO date/);
    const err = (() => {
      try {
        validatePriceQuery("s", { start: "2024-02-01", end: "2024-01-31" });
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err?.code).toBe("EMPTY_DATE_RANGE");
  });
});

describe("checkKnownTickers", () => {
  it("names unknown tickers and lists at most eight known ones", () => {
    expect(() => checkKnownTickers("s", ["A"], ["A"])).not.toThrow();
    expect(() => checkKnownTickers("s", undefined, [])).not.toThrow();
    const known = Array.from({ length: 12 }, (_, i) => `T${String(i).padStart(2, "0")}`);
    expect(() => checkKnownTickers("s", ["X", "T01", "Y"], known)).toThrow(
      "s: unknown ticker(s) X, Y; known tickers include T00, T01, T02, T03, T04, T05, T06, T07, … (12 in all)",
    );
  });

  it("checks inclusive date ranges", () => {
    expect(inDateRange("2024-01-01", { start: "2024-01-01", end: "2024-01-01" })).toBe(true);
    expect(inDateRange("2024-01-02", { end: "2024-01-01" })).toBe(false);
  });
});
