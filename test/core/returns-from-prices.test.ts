import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { DateTable } from "../../src/core/frame";
import { returnsFromPrices } from "../../src/core/returns-from-prices";
import { copyTable, flat, maxRelativeError, readExpected, readPricesCsv } from "../optimise/helpers/fixtures";

const expected = readExpected();
const prices = readPricesCsv("prices.csv");

const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("returnsFromPrices", () => {
  it("matches pandas pct_change(fill_method=None).dropna(how='all') on the fixture to 1e-10", () => {
    const r = returnsFromPrices(prices);
    expect(r.tickers).toEqual(expected.tickers);
    expect(r.dates).toEqual(expected.returns.dates);
    expect(maxRelativeError(r.values, flat(expected.returns.values))).toBeLessThan(1e-10);
  });

  it("matches np.log(1 + pct_change) with logReturns on the fixture to 1e-10", () => {
    const r = returnsFromPrices(prices, { logReturns: true });
    expect(r.dates).toEqual(expected.logReturns.dates);
    expect(maxRelativeError(r.values, flat(expected.logReturns.values))).toBeLessThan(1e-10);
  });

  it("computes p_t / p_{t−1} − 1 per column and dates each return by its later price (hand example)", () => {
    const r = returnsFromPrices(table(["d1", "d2", "d3"], ["A", "B"], [100, 50, 110, 45, 99, 54]));
    expect(r.dates).toEqual(["d2", "d3"]);
    expect(r.values[0]).toBeCloseTo(0.1, 15);
    expect(r.values[1]).toBeCloseTo(-0.1, 15);
    expect(r.values[2]).toBeCloseTo(-0.1, 15);
    expect(r.values[3]).toBeCloseTo(0.2, 15);
  });

  it("leaves returns NaN before a late listing and on both sides of an interior gap — no padding", () => {
    // A: 10, 11, NaN, 13.2, 14.52 — the gap on d3 makes the d3 and d4 returns NaN
    // (pandas' deprecated pad would give 0 on d3 and 0.2 on d4). B lists on d2.
    const r = returnsFromPrices(table(["d1", "d2", "d3", "d4", "d5"], ["A", "B"], [10, NaN, 11, 20, NaN, 22, 13.2, 24.2, 14.52, 26.62]));
    expect(r.dates).toEqual(["d2", "d3", "d4", "d5"]);
    expect(r.values[0]).toBeCloseTo(0.1, 15); // A on d2
    expect(Number.isNaN(r.values[1]!)).toBe(true); // B on d2: before listing
    expect(Number.isNaN(r.values[2]!)).toBe(true); // A on d3: price missing
    expect(r.values[3]).toBeCloseTo(0.1, 15); // B on d3
    expect(Number.isNaN(r.values[4]!)).toBe(true); // A on d4: previous price missing
    expect(r.values[5]).toBeCloseTo(0.1, 15); // B on d4
    expect(r.values[6]).toBeCloseTo(0.1, 15); // A on d5
    expect(r.values[7]).toBeCloseTo(0.1, 15); // B on d5
  });

  it("drops rows where every return is NaN (the first date, and around a date with no prices)", () => {
    const r = returnsFromPrices(table(["d1", "d2", "d3", "d4"], ["A", "B"], [10, 20, NaN, NaN, 11, 22, 12.1, 24.2]));
    expect(r.dates).toEqual(["d4"]);
    expect(r.values.length).toBe(2);
    // In the fixture, 2021-12-20 has no price: neither it nor 2021-12-21 has a return.
    const fixture = returnsFromPrices(prices);
    expect(fixture.dates).not.toContain("2021-12-20");
    expect(fixture.dates).not.toContain("2021-12-21");
    expect(fixture.dates.length).toBe(prices.dates.length - 3);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    returnsFromPrices(prices);
    returnsFromPrices(prices, { logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming the ticker and date of a non-positive or infinite price", () => {
    const bad = (p: number) => table(["2024-01-02", "2024-01-03"], ["AAPL", "MSFT"], [100, 200, 101, p]);
    expect(() => returnsFromPrices(bad(0))).toThrow(InputError);
    expect(() => returnsFromPrices(bad(-5))).toThrow(/price of MSFT on 2024-01-03 is -5/);
    expect(() => returnsFromPrices(bad(Infinity))).toThrow(/price of MSFT on 2024-01-03 is Infinity/);
    try {
      returnsFromPrices(bad(0));
    } catch (e) {
      expect((e as InputError).code).toBe("NON_POSITIVE_PRICE");
      expect((e as InputError).details).toMatchObject({ ticker: "MSFT", date: "2024-01-03" });
    }
  });

  it("throws InputError for an all-NaN column, fewer than 2 dates, and a malformed table", () => {
    expect(() => returnsFromPrices(table(["d1", "d2"], ["A", "BABA"], [1, NaN, 2, NaN]))).toThrow(/column BABA has no prices/);
    expect(() => returnsFromPrices(table(["d1"], ["A"], [1]))).toThrow(/1 date; pass at least 2/);
    expect(() => returnsFromPrices(table(["d1", "d2"], ["A"], [1, 2, 3]))).toThrow(/expected 2/);
    expect(() => returnsFromPrices(table(["d1", "d2"], ["A", "A"], [1, 2, 3, 4]))).toThrow(/ticker A twice/);
    expect(() => returnsFromPrices(table(["d2", "d1"], ["A"], [1, 2]))).toThrow(/not strictly increasing/);
  });
});
