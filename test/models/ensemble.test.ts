// The stacked ensemble on the synthetic market, where signal was planted: walk-forward, it must
// beat the naive baselines for next year's net-income growth, and its confidence must beat a coin.
import { afterAll, describe, expect, it } from "vitest";
import { FeatureStore, forwardGrowthTarget, quarterEnds, rowsWhere, selectRows } from "../../src/features/index";
import {
  HistoricalMeanBaseline,
  LastValueBaseline,
  LogisticRegression,
  RandomForestClassifier,
  RandomForestRegressor,
  RidgeRegression,
  StackedEnsemble,
  expandingWindow,
  forest,
  metrics,
  modelFromJSON,
  regressorForecaster,
  scoredRows,
  stackedEnsembleForecaster,
  walkForward,
} from "../../src/models/index";
import { testMarket } from "../fixtures/models/small-market";

const { market, fundamentals } = testMarket(12, 36);
const store = new FeatureStore({ prices: market.prices, fundamentals, benchmark: "MKTIDX" });
const all = store.build({ sampling: quarterEnds() });
const frame = selectRows(all, rowsWhere(all, (_d, _t, i) => Number.isFinite(forwardGrowthTarget(fundamentals, all).values[i]!)));
const target = forwardGrowthTarget(fundamentals, frame);
const splitter = expandingWindow({ minTrainPeriods: 16, testPeriods: 8, purgePeriods: 1 });
const makeEnsemble = () =>
  new StackedEnsemble({
    regressors: [new RandomForestRegressor({ nTrees: 30, minSamplesLeaf: 10, seed: 1, workers: 1 }), new RidgeRegression()],
    classifiers: [new RandomForestClassifier({ nTrees: 30, minSamplesLeaf: 10, seed: 2, workers: 1 }), new LogisticRegression()],
  });
afterAll(() => forest.stopForestWorkers());

describe("StackedEnsemble on the planted signal", () => {
  it("beats the naive baselines out of sample", async () => {
    const run = await walkForward(frame, target, splitter, stackedEnsembleForecaster(makeEnsemble()));
    const last = await walkForward(frame, target, splitter, regressorForecaster(new LastValueBaseline("net_income_growth")));
    const mean = await walkForward(frame, target, splitter, regressorForecaster(new HistoricalMeanBaseline()));
    const score = (r: typeof run) => {
      const s = scoredRows(r, target);
      return metrics.regressionScores(s.actual, s.predicted);
    };
    const e = score(run);
    const l = score(last);
    const m = score(mean);
    expect(e.count).toBeGreaterThan(500);
    expect(e.count).toBe(l.count);
    expect(e.rmse).toBeLessThan(0.85 * Math.min(l.rmse, m.rmse));
    expect(e.mae).toBeLessThan(Math.min(l.mae, m.mae));
    expect(e.rankIc).toBeGreaterThan(Math.max(l.rankIc, m.rankIc) + 0.1);
    const p = scoredRows(run, target, "probability");
    const outcomes = p.actual.map((v) => (v > 0 ? 1 : 0));
    const probability = metrics.probabilityScores(outcomes, p.predicted);
    expect(probability.auc).toBeGreaterThan(0.7);
    expect(probability.brier).toBeLessThan(probability.baseRate * (1 - probability.baseRate));
  });

  it("is reproducible and survives a JSON round trip", async () => {
    const train = selectRows(frame, rowsWhere(frame, (d) => d < "2014-01-01"));
    const trainTarget = forwardGrowthTarget(fundamentals, train);
    const test = selectRows(frame, rowsWhere(frame, (d) => d >= "2015-01-01"));
    const a = await makeEnsemble().fit(train, trainTarget);
    const b = await makeEnsemble().fit(train, trainTarget);
    expect(b.predict(test).forecast).toEqual(a.predict(test).forecast);
    expect(b.predict(test).probability).toEqual(a.predict(test).probability);
    const again = (await modelFromJSON(JSON.parse(JSON.stringify(a.toJSON())))) as StackedEnsemble;
    expect(again.predict(test).forecast).toEqual(a.predict(test).forecast);
    expect(again.predict(test).probability).toEqual(a.predict(test).probability);
    expect(Object.keys(a.predict(test).base)).toEqual(["random forest", "ridge regression", "random forest classifier", "logistic regression"]);
  });

  it("rejects empty or duplicate base models", () => {
    expect(() => new StackedEnsemble({ regressors: [], classifiers: [new LogisticRegression()] })).toThrowError(/at least one base regressor/);
    expect(() => new StackedEnsemble({ regressors: [new RidgeRegression(), new RidgeRegression()], classifiers: [new LogisticRegression()] })).toThrowError(/two base models are named ridge regression/);
  });
});
