import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { ExplanationCard } from "../../../src/decisions/index";
import { runStressTests, stressTable, worstWindow } from "../../../src/stress/index";
import { actionList, cardsAlphaMap, compareStress, readableAssetClasses } from "../../../src/report/index";
import type { ScatterTrace } from "../../../src/report/figure";

const card = (ticker: string, weight: number, signal: ExplanationCard["signal"], growth: number | null, confidence: number | null): ExplanationCard =>
  ({ ticker, weight, current: 0, signal, sentence: "Why.", drivers: [], growth, confidence });

describe("cardsAlphaMap", () => {
  it("draws the cards the model covers, in ticker order", () => {
    const figure = cardsAlphaMap("Alpha map", [card("ZZZ", 0.2, "BUY", 0.1, 0.8), card("BOND", 0.5, "BUY", null, null), card("AAA", 0.1, "BUY", 0.05, 0.6)]);
    const trace = figure.data[0] as ScatterTrace;
    expect(trace.text).toEqual(["AAA", "ZZZ"]);
    expect(trace.x).toEqual([0.05, 0.1]);
    expect(trace.y).toEqual([0.6, 0.8]);
  });
});

describe("compareStress", () => {
  // Two assets, 30 business days: A falls 10 % over days 10–11, B rises.
  const dates = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`).slice(0, 30);
  const values = new Float64Array(60);
  for (let i = 0; i < 30; i++) {
    values[2 * i] = i < 10 ? 100 : i < 12 ? 100 - 5 * (i - 9) : 90;
    values[2 * i + 1] = 50 + i;
  }
  const context = { prices: { dates, tickers: ["A", "B"], values } };
  const allA = { name: "all A", weights: { labels: ["A", "B"], values: Float64Array.of(1, 0) } };
  const half = { name: "half", weights: { labels: ["A", "B"], values: Float64Array.of(0.5, 0.5) } };

  it("puts every portfolio's losses side by side, the first's largest first", () => {
    const scenarios = [worstWindow({ days: 2 }), worstWindow({ days: 5 })];
    const t = compareStress(scenarios, [allA, half], context, { capital: 1000 });
    const expected = stressTable(runStressTests(scenarios, { weights: allA.weights, capital: 1000 }, context));
    const other = stressTable(runStressTests(scenarios, { weights: half.weights, capital: 1000 }, context));
    expect(t.columns).toEqual(["period", "all A loss", "all A loss share", "largest loss", "half loss"]);
    const order = expected.map((r, k) => [r.loss, k] as const).sort((a, b) => b[0] - a[0]).map(([, k]) => k);
    expect(t.column("all A loss").values).toEqual(Float64Array.from(order, (k) => expected[k]!.loss));
    expect(t.column("half loss").values).toEqual(Float64Array.from(order, (k) => other[k]!.loss));
    expect(t.column("all A loss share").unit).toBe("fraction");
    expect(() => compareStress(scenarios, [], context, { capital: 1000 })).toThrow(InputError);
  });
});

describe("actionList and readableAssetClasses", () => {
  it("a bullet per item, the action in bold", () => {
    expect(actionList([{ kind: "signal", action: "BUY: A from 0.0 % to 5.0 %", explanation: "Why.", gap: 0.05 }])).toBe("- **BUY: A from 0.0 % to 5.0 %.** Why.");
    expect(actionList([])).toBe("");
  });
  it("names asset classes as a reader says them, keeping unknown ones", () => {
    expect(readableAssetClasses({ LTBX: "bond", MKTIDX: "index", XYZ: "art" })).toEqual({ LTBX: "bonds", MKTIDX: "the index fund", XYZ: "art" });
  });
});
