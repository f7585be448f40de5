import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { Table } from "../../src/core/index";
import { explanationCards, explanationTable, signalCounts } from "../../src/decisions/explanation-card";
import { growthConfidenceAllocation } from "../../src/decisions/growth-confidence/growth-confidence-allocation";

const labels = ["BOND", "STOCK", "COIN"];
const cov = { labels, values: Float64Array.from([0.0025, 0, 0, 0, 0.04, 0, 0, 0, 0.64]) };
const mu = { labels, values: Float64Array.from([0.03, 0.08, 0.2]) };

describe("explanationCards of an optimiser's weights", () => {
  const weights = { labels, values: Float64Array.from([0.6, 0.4, 0]) };
  const current = { labels, values: Float64Array.from([0.5, 0.4, 0.1]) };
  const forecast = { expectedGrowth: { labels: ["STOCK"], values: Float64Array.from([0.1]) }, confidence: { labels: ["STOCK"], values: Float64Array.from([0.7]) } };

  it("names the binding bound, the expected return, the risk share against the capital share and the model, without the ticker", () => {
    const cards = explanationCards({ weights, expectedReturns: mu, cov, bounds: [0, 0.6], current, forecast });
    // Risk contributions: σ² = 0.36·0.0025 + 0.16·0.04 = 0.0073; BOND 0.0009/0.0073 = 12.3 %, STOCK 0.0064/0.0073 = 87.7 %.
    expect(cards.map((c) => c.signal)).toEqual(["STRONG BUY", "HOLD", "SELL"]); // BOND: +10 points, no model covers it
    expect(cards[0]!.sentence).toBe(
      "Target 60.0 % (STRONG BUY, +10.0 points). Capped by the 60.0 % upper bound; expected return 3.0 % a year; it carries 12.3 % of the portfolio's risk for 60.0 % of its capital (a diversifier).",
    );
    expect(cards[1]!.sentence).toBe(
      "Target 40.0 % (HOLD, +0.0 points). Between its bounds: the optimiser's trade-off of its expected return against its risk; expected return 8.0 % a year; it carries 87.7 % of the portfolio's risk for 40.0 % of its capital (a concentrated risk); the model expects 10.0 % earnings growth with 70 % confidence.",
    );
    expect(cards[2]!.sentence).toBe("Target 0.0 % (SELL, −10.0 points). Left out: adding it would not improve the portfolio; expected return 20.0 % a year.");
    for (const c of cards) expect(c.sentence).not.toContain(c.ticker);
    expect(cards[1]).toMatchObject({ expectedReturn: 0.08, growth: 0.1, confidence: 0.7 });
    expect(cards[1]!.riskShare).toBeCloseTo(0.0064 / 0.0073, 12);
    expect(cards[0]).toMatchObject({ growth: null, confidence: null });
    expect(cards[2]!.riskShare).toBe(0);
    expect(cards[1]!.drivers.map((d) => d.name)).toEqual(["constraint", "expected return", "risk contribution", "model"]);
  });

  it("names a lower bound that binds above zero", () => {
    const [bond] = explanationCards({ weights, expectedReturns: mu, cov, bounds: [[0.6, 1], [0, 1], [0, 1]] });
    expect(bond!.drivers[0]!.text).toBe("held at its 60.0 % lower bound");
  });

  it("names a group cap that binds and the volatility cap the portfolio sits at", () => {
    const w = { labels, values: Float64Array.from([0.5, 0.4, 0.1]) };
    // σ² = 0.25·0.0025 + 0.16·0.04 + 0.01·0.64 = 0.013425
    const groupCaps = { groupOf: { BOND: "bond", STOCK: "equity", COIN: "crypto" }, caps: { crypto: 0.1, equity: 0.9 } };
    const [bond, stock, coin] = explanationCards({ weights: w, expectedReturns: mu, cov, groupCaps, maxVolatility: Math.sqrt(0.013425) });
    expect(coin!.drivers[0]).toEqual({ name: "constraint", value: 0.1, text: "held down by the 10.0 % cap on crypto, which its group has reached" });
    expect(stock!.drivers[0]!.text).toBe("between its bounds: the optimiser's trade-off of its expected return against its risk, with the portfolio at its 11.6 % volatility cap");
    expect(bond!.drivers[0]!.text).toMatch(/volatility cap$/);
    const loose = explanationCards({ weights: w, expectedReturns: mu, cov, groupCaps: { ...groupCaps, caps: { crypto: 0.2 } }, maxVolatility: 0.2 });
    expect(loose[2]!.drivers[0]!.text).toBe("between its bounds: the optimiser's trade-off of its expected return against its risk");
  });

  it("refuses a forecast for an asset without a weight, and does not change its inputs", () => {
    const before = weights.values.slice();
    explanationCards({ weights, expectedReturns: mu, cov, forecast });
    expect(weights.values).toEqual(before);
    expect(() =>
      explanationCards({ weights, expectedReturns: mu, cov, forecast: { expectedGrowth: { labels: ["XYZ"], values: Float64Array.from([0.1]) }, confidence: { labels: ["XYZ"], values: Float64Array.from([0.5]) } } }),
    ).toThrowError(/names XYZ/);
  });
});

describe("explanationCards of the growth × confidence rule", () => {
  // Scores: A 0.2 × 0.9 = 0.18, B 0.1 × 0.6 = 0.06, C 0.05 × 0.8 = 0.04, D −0.1 × 0.7 = −0.07; E has no forecast.
  const tickers = ["A", "B", "C", "D", "E"];
  const covered = ["A", "B", "C", "D"];
  const forecast = {
    asOf: "2025-12-31",
    horizonDays: 252,
    expectedGrowth: { labels: covered, values: Float64Array.of(0.2, 0.1, 0.05, -0.1) },
    confidence: { labels: covered, values: Float64Array.of(0.9, 0.6, 0.8, 0.7) },
    expectedReturn: { labels: covered, values: new Float64Array(4) },
    models: { growth: "test", confidence: "test", returns: "none" },
  };
  /** Uncorrelated, σ = 40 %, 20 %, 10 %, 30 %, 5 %. */
  const gcCov = { labels: tickers, values: new Float64Array(25) };
  [0.16, 0.04, 0.01, 0.09, 0.0025].forEach((v, i) => (gcCov.values[i * 5 + i] = v));
  const gcMu = { labels: tickers, values: Float64Array.of(0.1, 0.08, 0.06, 0.05, 0.03) };
  const cardsOf = (options: { maxWeight: number; maxVolatility?: number; minScore?: number }) =>
    explanationCards({ weights: growthConfidenceAllocation(forecast, gcCov, options), expectedReturns: gcMu, cov: gcCov, forecast, growthConfidence: options });

  it("says which part of the rule set each weight: the cap, the score share, the minimum score, no forecast", () => {
    // maxWeight 0.5: score shares 0.643, 0.214, 0.143 → A capped at 0.5; the 0.5 left splits 0.06 : 0.04 → B 0.3, C 0.2.
    const [a, b, c, d, e] = cardsOf({ maxWeight: 0.5 });
    expect(a!.drivers[0]).toEqual({ name: "rule", value: 0.5, text: "capped by the rule at maxWeight 50.0 %: its score share alone would give 64.3 %" });
    expect(b!.drivers[0]!.text).toBe("set by its score share: its growth × confidence of 6.0 % is 21.4 % of the chosen companies' total, raised to 30.0 % when the capped weights' excess was shared out");
    expect(c!.weight).toBeCloseTo(0.2, 12);
    expect(d!.drivers[0]!.text).toBe("left out by the rule: its score (growth × confidence) of -7.0 % is not above the minimum score of 0.0 %");
    expect(e!.drivers[0]!.text).toBe("left out by the growth × confidence rule: the model makes no forecast for it");
    for (const card of [a, b, c, d, e]) {
      expect(card!.sentence).not.toMatch(/optimiser|No bound binds/);
      expect(card!.sentence).not.toContain(`${card!.ticker} `);
    }
    expect(a!.sentence).toMatch(/^Target 50\.0 % \(STRONG BUY, \+50\.0 points\)\. Capped by the rule at maxWeight 50\.0 %.*; expected return 10\.0 % a year; it carries .* of the portfolio's risk for 50\.0 % of its capital.*; the model expects 20\.0 % earnings growth with 90 % confidence\.$/);
  });

  it("a weight the score share sets alone, and one raised to the cap by the excess of another", () => {
    // maxWeight 1: no cap binds, A = 0.18 / 0.28.
    const [free] = cardsOf({ maxWeight: 1 });
    expect(free!.drivers[0]!.text).toBe("set by its score share: its growth × confidence of 18.0 % is 64.3 % of the chosen companies' total");
    // maxWeight 0.34: A capped; 0.66 left → B 0.396 > 0.34 → B capped too, though its share was 21.4 %.
    const [, b] = cardsOf({ maxWeight: 0.34 });
    expect(b!.drivers[0]!.text).toBe("capped by the rule at maxWeight 34.0 %: its score share of 21.4 % rose above it when the capped weights' excess was shared out");
  });

  it("names the volatility scaling when the limit binds", () => {
    const [a] = cardsOf({ maxWeight: 0.5, maxVolatility: 0.15 });
    expect(a!.drivers[0]!.text).toMatch(/^capped by the rule at maxWeight 50\.0 %: its score share alone would give 64\.3 %; then scaled for volatility: blended \d+ % of the way to the least volatile mix to meet the 15 % volatility limit, from 50\.0 % to \d+\.\d %$/);
  });

  it("refuses weights the rule does not give, and a rule without a forecast", () => {
    const options = { maxWeight: 0.5 };
    const weights = growthConfidenceAllocation(forecast, gcCov, { maxWeight: 1 });
    expect(() => explanationCards({ weights, expectedReturns: gcMu, cov: gcCov, forecast, growthConfidence: options })).toThrowError(/weight of A is 64\.2857 %.*gives 50\.0000 %/);
    expect(() => explanationCards({ weights, expectedReturns: gcMu, cov: gcCov, growthConfidence: options })).toThrow(InputError);
  });
});

describe("signalCounts", () => {
  it("counts every signal, strongest buy first, zeros included", () => {
    const cards = explanationCards({ weights: { labels, values: Float64Array.from([0.6, 0.4, 0]) }, current: { labels, values: Float64Array.from([0.5, 0.4, 0.1]) }, expectedReturns: mu, cov });
    const counts = signalCounts(cards);
    expect(counts.toObject()).toEqual({ "STRONG BUY": 1, BUY: 0, HOLD: 1, REDUCE: 0, SELL: 1 });
    expect(counts.unit).toBe("count");
  });
});

describe("explanationTable", () => {
  it("lists the assets held or wanted, strongest signal first, in percent", () => {
    const weights = { labels, values: Float64Array.from([0.6, 0.4, 0]) };
    const current = { labels, values: Float64Array.from([0.5, 0.4, 0.1]) };
    const cards = explanationCards({ weights, expectedReturns: mu, cov, bounds: [0, 0.6], current });
    const t = explanationTable(cards);
    expect(t).toBeInstanceOf(Table);
    expect(t.labels).toEqual(["BOND", "STOCK", "COIN"]); // STRONG BUY, HOLD, SELL
    expect(t.columns).toEqual(["signal", "target", "current", "gap", "growth", "confidence", "why"]);
    expect(t.column("gap").get("COIN")).toBeCloseTo(-0.1, 12);
    expect(t.column("target").unit).toBe("fraction");
    expect(t.toRows()[0]!.why).toBe(cards[0]!.sentence);
    const none = explanationCards({ weights, expectedReturns: mu, cov });
    expect(explanationTable(none).labels).toEqual(["BOND", "STOCK"]); // COIN neither held nor wanted
    expect(explanationTable(none, { all: true }).length).toBe(3);
    expect(() => explanationTable([])).toThrow(InputError);
  });
});
