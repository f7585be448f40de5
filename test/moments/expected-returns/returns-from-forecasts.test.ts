import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { ExpectedReturnsEstimator } from "../../../src/moments/expected-returns/expected-returns-estimator";
import { returnsFromForecasts } from "../../../src/moments/expected-returns/returns-from-forecasts";
import { readEstimatorsPrices } from "../../fixtures/allocation/estimators/read-expected";

describe("returnsFromForecasts", () => {
  const forecasts = { labels: ["B", "A", "C"], values: Float64Array.from([0.0004, 0.0002, -0.0001]) };

  it("passes annual forecasts through, in their own order or the requested one", () => {
    expect(returnsFromForecasts({ A: 0.08, B: 0.12 })).toEqual({ labels: ["A", "B"], values: Float64Array.from([0.08, 0.12]) });
    const ordered = returnsFromForecasts(forecasts, { tickers: ["A", "B"] });
    expect(ordered.labels).toEqual(["A", "B"]);
    expect(Array.from(ordered.values)).toEqual([0.0002, 0.0004]);
    expect(returnsFromForecasts(new Map([["X", 0.1]])).values[0]).toBe(0.1);
  });

  it("annualises per-period forecasts, compounded by default", () => {
    const daily = returnsFromForecasts(forecasts, { tickers: ["A"], frequency: 252 });
    expect(daily.values[0]).toBeCloseTo(1.0002 ** 252 - 1, 15);
    const simple = returnsFromForecasts(forecasts, { tickers: ["A"], frequency: 252, compounding: false });
    expect(simple.values[0]).toBeCloseTo(0.0504, 15);
  });

  it("plugs a model's output in as an ExpectedReturnsEstimator", () => {
    const { complete } = readEstimatorsPrices();
    const model = Object.fromEntries(complete.tickers.map((t, i) => [t, 0.01 * (i + 1)]));
    const fromModel: ExpectedReturnsEstimator = (p) => returnsFromForecasts(model, { tickers: p.tickers });
    const mu = fromModel(complete);
    expect(mu.labels).toEqual(complete.tickers);
    expect(mu.values[4]).toBeCloseTo(0.05, 15);
  });

  it("does not modify its input", () => {
    const before = { labels: [...forecasts.labels], values: Float64Array.from(forecasts.values) };
    returnsFromForecasts(forecasts, { tickers: ["C", "A"], frequency: 12 });
    expect(forecasts).toEqual(before);
  });

  it("throws InputError naming a non-finite forecast, a duplicate, a missing ticker or a shape mismatch", () => {
    expect(() => returnsFromForecasts({ A: 0.08, B: NaN })).toThrow(/the forecast of B is NaN/);
    expect(() => returnsFromForecasts({ labels: ["A", "A"], values: Float64Array.from([1, 2]) })).toThrow(/ticker A has two forecasts/);
    expect(() => returnsFromForecasts(forecasts, { tickers: ["A", "ZED"] })).toThrow(/ticker ZED has no forecast/);
    expect(() => returnsFromForecasts(forecasts, { tickers: ["A", "A"] })).toThrow(/tickers lists A twice/);
    expect(() => returnsFromForecasts({ labels: ["A", "B"], values: Float64Array.from([1]) })).toThrow(/2 labels but 1 values/);
    expect(() => returnsFromForecasts({})).toThrow(/there are no forecasts/);
    expect(() => returnsFromForecasts(forecasts, { frequency: 0 })).toThrow(InputError);
    expect(() => returnsFromForecasts({ A: 5 }, { frequency: 1000 })).toThrow(/the annualised forecast of A is Infinity/);
  });
});
