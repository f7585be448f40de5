import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { panel } from "../../src/core/panel";
import { probabilityScores, regressionScores } from "../../src/models/metrics/forecast-scores";
import { forecastPairs } from "../../src/models/metrics/forecast-pairs";
import { rankIcByDate } from "../../src/models/metrics/rank-ic-by-date";
import { rankIcSeries } from "../../src/models/metrics/rank-ic-series";
import { scoreForecasts } from "../../src/models/metrics/score-forecasts";
import { calibrationCurves, scoreProbabilities } from "../../src/models/metrics/score-probabilities";
import { rankingTable } from "../../src/models/ranking-table";
import { topFeaturesTable } from "../../src/models/top-features-table";

// 4 dates × 6 tickers; forecast "good" tracks the outcome, "noisy" less so, both missing on the first date.
const dates = ["d1", "d2", "d3", "d4"].flatMap((d) => Array.from({ length: 6 }, () => d));
const tickers = dates.map((_, i) => `T${i % 6}`);
const outcome = Float64Array.from(dates, (_, i) => Math.sin(1.7 * i) / 10);
const good = Float64Array.from(outcome, (v, i) => (i < 6 ? NaN : v + 0.01 * Math.cos(i)));
const noisy = Float64Array.from(outcome, (v, i) => (i < 6 ? NaN : 0.5 * v + 0.05 * Math.cos(3 * i)));
const probability = Float64Array.from(outcome, (v, i) => (i < 6 ? NaN : 1 / (1 + Math.exp(-20 * v + 0.3 * Math.sin(i)))));
const forecasts = panel({ names: ["outcome", "good", "noisy", "p"], columns: [outcome, good, noisy, probability], dates, tickers });

describe("forecastPairs", () => {
  it("keeps the rows where forecast and outcome are both known", () => {
    const pairs = forecastPairs(forecasts, "good");
    expect(pairs.actual.length).toBe(18);
    expect(pairs.dates[0]).toBe("d2");
    expect(pairs.tickers[0]).toBe("T0");
    expect(pairs.predicted[0]).toBe(good[6]);
  });

  it("throws naming an unknown column, or when no row has both", () => {
    expect(() => forecastPairs(forecasts, "zzz")).toThrowError(InputError);
    const none = forecasts.with("empty", new Float64Array(24).fill(NaN));
    expect(() => forecastPairs(none, "empty")).toThrowError(/no row has both a empty and an outcome/);
  });
});

describe("scoreForecasts", () => {
  it("gives regressionScores of each column on its pairs (equal to scoring them by hand)", () => {
    const t = scoreForecasts(forecasts, ["good", "noisy"], { caption: "c" });
    const pairs = forecastPairs(forecasts, "noisy");
    const expected = regressionScores(pairs.actual, pairs.predicted, pairs.dates);
    expect(t.labels).toEqual(["good", "noisy"]);
    expect(t.toRows()[1]).toEqual({ model: "noisy", ...expected });
    expect(t.column("hitRate").unit).toBe("fraction");
    expect(t.caption).toBe("c");
    expect(t.column("rmse").get("good")).toBeLessThan(t.column("rmse").get("noisy"));
  });

  it("throws with no column", () => {
    expect(() => scoreForecasts(forecasts, [])).toThrowError(/no forecast column/);
  });
});

describe("scoreProbabilities and calibrationCurves", () => {
  it("score the event outcome > threshold (equal to probabilityScores by hand)", () => {
    const pairs = forecastPairs(forecasts, "p");
    const s = probabilityScores(pairs.actual.map((v) => (v > 0 ? 1 : 0)), pairs.predicted);
    const t = scoreProbabilities(forecasts, ["p"]);
    expect(t.toRows()[0]).toEqual({ model: "p", auc: s.auc, brier: s.brier, "base-rate brier": s.baseRate * (1 - s.baseRate), calibrationError: s.calibrationError });
    expect(calibrationCurves(forecasts, ["p"])).toEqual([{ name: "p", bins: s.curve }]);
  });

  it("moves the event with the threshold", () => {
    const pairs = forecastPairs(forecasts, "p");
    const s = probabilityScores(pairs.actual.map((v) => (v > 0.05 ? 1 : 0)), pairs.predicted);
    expect(scoreProbabilities(forecasts, ["p"], { threshold: 0.05 }).column("auc").get("p")).toBe(s.auc);
  });
});

describe("rankIcSeries", () => {
  it("is rankIcByDate of the pairs, labelled by date", () => {
    const pairs = forecastPairs(forecasts, "noisy");
    const expected = rankIcByDate(pairs.dates, pairs.actual, pairs.predicted);
    const ic = rankIcSeries(forecasts, "noisy");
    expect(ic.labels).toEqual(["d2", "d3", "d4"]);
    expect(Array.from(ic.values)).toEqual(expected.map((d) => d.rankIc));
    expect(ic.unit).toBe("ratio");
  });
});

describe("rankingTable", () => {
  it("ranks one date's tickers by the forecast, top and bottom, with the outcome", () => {
    const t = rankingTable(forecasts.on("d2"), "good", { top: 2, bottom: 1 });
    const order = [...Array(6).keys()].sort((a, b) => (good[6 + b] as number) - (good[6 + a] as number));
    expect(t.labels).toEqual([order[0], order[1], order[5]].map((k) => `T${k}`));
    expect(t.column("rank").values[2]).toBe(6);
    expect(t.column("outcome").get(`T${order[0]}`)).toBe(outcome[6 + (order[0] as number)]);
    expect(t.caption).toBe("Ranking on d2 by good: the top 2 and the bottom 1");
  });

  it("throws on several dates", () => {
    expect(() => rankingTable(forecasts, "good")).toThrowError(/the rows hold 4 dates/);
  });
});

describe("topFeaturesTable", () => {
  it("names the k-th most important feature by each measure", () => {
    const t = topFeaturesTable({ impurity: { labels: ["a", "b", "c"], values: Float64Array.of(0.2, 0.5, 0.3) }, permutation: { labels: ["a", "b", "c"], values: Float64Array.of(3, 1, 2) } }, 2);
    expect(t.toRows()).toEqual([{ rank: "1", impurity: "b", permutation: "a" }, { rank: "2", impurity: "c", permutation: "c" }]);
    expect(() => topFeaturesTable({})).toThrowError(InputError);
  });
});
