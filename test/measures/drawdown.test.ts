import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { conditionalDrawdownAtRisk } from "../../src/measures/conditional-drawdown-at-risk";
import { drawdowns, maxDrawdown, maxDrawdownOfPrices } from "../../src/measures/drawdown";
import { frozen, readRiskExpected } from "./helpers/expected";

const expected = readRiskExpected();
const series = { dates: expected.series.dates, values: Float64Array.from(expected.series.returns) };
const hand = { dates: ["d1", "d2", "d3", "d4", "d5"], values: Float64Array.of(0.1, -0.1, -0.1, 0.1, 0.3) };

describe("drawdowns", () => {
  it("match pandas cumprod / cummax from a starting value of 1", () => {
    const dd = drawdowns(series);
    expect(dd.dates).toEqual(series.dates);
    dd.values.forEach((v, i) => expect(v).toBeCloseTo(expected.drawdown.drawdowns[i]!, 15));
  });

  it("compute a hand case: 0, −10 %, −19 %, −10.9 %, 0", () => {
    const dd = drawdowns(hand).values;
    [0, -0.1, -0.19, -0.109, 0].forEach((v, i) => expect(dd[i]).toBeCloseTo(v, 14));
  });

  it("count the starting value as a peak: a first-day loss is a drawdown", () => {
    expect(drawdowns({ dates: ["d1"], values: Float64Array.of(-0.05) }).values[0]).toBeCloseTo(-0.05, 15);
  });
});

describe("maxDrawdown", () => {
  it("matches pandas on the fixture, with its peak and trough dates and no recovery", () => {
    const m = maxDrawdown(series);
    expect(m.maxDrawdown).toBeCloseTo(expected.drawdown.maxDrawdown, 15);
    expect(m.peakDate).toBe(expected.drawdown.peakDate);
    expect(m.troughDate).toBe(expected.drawdown.troughDate);
    expect(m.recoveryDate).toBe(expected.drawdown.recoveryDate);
    expect(m.periodsToRecovery).toBeNull();
  });

  it("finds peak, trough and recovery in a hand case", () => {
    const m = maxDrawdown(hand);
    expect(m.maxDrawdown).toBeCloseTo(0.19, 14);
    expect(m).toMatchObject({ peakDate: "d1", troughDate: "d3", recoveryDate: "d5", periodsToTrough: 2, periodsToRecovery: 2 });
  });

  it("reports a peak at the start as null and a rising series as no drawdown", () => {
    expect(maxDrawdown({ dates: ["d1", "d2"], values: Float64Array.of(-0.1, 0.2) })).toMatchObject({
      peakDate: null,
      troughDate: "d1",
      recoveryDate: "d2",
      periodsToTrough: 1,
    });
    expect(maxDrawdown({ dates: ["d1", "d2"], values: Float64Array.of(0.1, 0.2) })).toEqual({
      maxDrawdown: 0,
      peakDate: null,
      troughDate: null,
      recoveryDate: null,
      periodsToTrough: 0,
      periodsToRecovery: null,
    });
  });

  it("rejects mismatched dates, unsorted dates and NaN", () => {
    expect(() => maxDrawdown({ dates: ["d1"], values: Float64Array.of(0.1, 0.2) })).toThrowError(/1 dates but 2 returns/);
    expect(() => maxDrawdown({ dates: ["d2", "d1"], values: Float64Array.of(0.1, 0.2) })).toThrowError(/not strictly increasing/);
    expect(() => drawdowns({ dates: ["d1", "d2"], values: Float64Array.of(0.1, NaN) })).toThrowError(InputError);
  });

  it("does not change its input", () => {
    const values = Float64Array.from(hand.values);
    const dates = Object.freeze([...hand.dates]);
    maxDrawdown({ dates, values });
    drawdowns({ dates, values });
    expect(Array.from(values)).toEqual(Array.from(hand.values));
  });
});

describe("maxDrawdownOfPrices", () => {
  it("knows its answers (moved from the validation layer's maxDrawdown on prices)", () => {
    expect(maxDrawdownOfPrices([100, 120, 60, 90, 130])).toBe(0.5);
    expect(maxDrawdownOfPrices([1, 2, 3])).toBe(0);
    expect(maxDrawdownOfPrices([Number.NaN, 5])).toBeNaN();
  });

  it("skips missing prices and agrees with maxDrawdown on the returns between them", () => {
    expect(maxDrawdownOfPrices([100, NaN, 110, 99, Infinity, 121])).toBeCloseTo(0.1, 15);
    const prices = [100, 110, 99, 89.1, 98.01, 128.413];
    const returns = Float64Array.from(prices.slice(1), (p, i) => p / prices[i]! - 1);
    expect(maxDrawdownOfPrices(prices)).toBeCloseTo(maxDrawdown({ dates: hand.dates, values: returns }).maxDrawdown, 14);
  });

  it("does not change its input", () => {
    const prices = Object.freeze([100, 120, 60, 90]);
    maxDrawdownOfPrices(prices);
    expect(prices).toEqual([100, 120, 60, 90]);
  });
});

describe("conditionalDrawdownAtRisk", () => {
  it("is the Rockafellar–Uryasev CVaR of the drawdown series (numpy)", () => {
    for (const [c, value] of Object.entries(expected.drawdown.cdar)) {
      expect(conditionalDrawdownAtRisk(frozen(expected.series.returns), { confidence: Number(c) }), `c = ${c}`).toBeCloseTo(value, 14);
    }
  });

  it("computes a hand case and lies between the mean drawdown and the maximum", () => {
    expect(conditionalDrawdownAtRisk(hand.values, { confidence: 0.8 })).toBeCloseTo(0.19, 14);
    expect(conditionalDrawdownAtRisk(hand.values, { confidence: 0.6 })).toBeCloseTo((0.19 + 0.109) / 2, 14);
    const cdar = conditionalDrawdownAtRisk(series.values);
    expect(cdar).toBeLessThanOrEqual(expected.drawdown.maxDrawdown + 1e-15);
    const mean = -expected.drawdown.drawdowns.reduce((s, x) => s + x, 0) / expected.drawdown.drawdowns.length;
    expect(cdar).toBeGreaterThanOrEqual(mean);
  });

  it("rejects a bad confidence", () => {
    expect(() => conditionalDrawdownAtRisk(hand.values, { confidence: 1 })).toThrowError(/confidence 1/);
  });
});
