// A model file saved with one feature list (test/fixtures/models/ridge-growth-momentum.json:
// y = 0.02 + 0.5·revenue_growth + 0.1·momentum_252d) is refused for rows with another.
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import type { FeatureFrame } from "../../src/features/index";
import { FeatureMismatchError, RidgeRegression, loadModel } from "../../src/models/index";

const file = packagePath("test", "fixtures", "models", "ridge-growth-momentum.json");
const rows = (names: string[]): FeatureFrame => ({ names, columns: [Float64Array.of(0.2), Float64Array.of(0.5)], dates: ["2021-03-31"], tickers: ["A"] });

describe("model files and feature lists", () => {
  it("load with their feature list and training window, and score rows with the same features", async () => {
    const model = (await loadModel(file, { features: ["momentum_252d", "revenue_growth"] })) as RidgeRegression;
    expect(model).toBeInstanceOf(RidgeRegression);
    expect(model.featureNames).toEqual(["revenue_growth", "momentum_252d"]);
    expect(model.trainingWindow).toEqual({ start: "2020-03-31", end: "2020-06-30" });
    expect(model.predict(rows(["revenue_growth", "momentum_252d"]))[0]).toBeCloseTo(0.02 + 0.5 * 0.2 + 0.1 * 0.5, 12);
  });

  it("refuse another feature list when loading, naming the difference", async () => {
    const load = loadModel(file, { features: ["revenue_growth", "net_margin"] });
    await expect(load).rejects.toThrowError(FeatureMismatchError);
    await expect(loadModel(file, { features: ["revenue_growth", "net_margin"] })).rejects.toThrowError(/missing momentum_252d; not in the model net_margin/);
  });

  it("refuse to score rows with another feature list", async () => {
    const model = (await loadModel(file)) as RidgeRegression;
    let error: unknown;
    try {
      model.predict(rows(["revenue_growth", "net_margin"]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeatureMismatchError);
    expect((error as FeatureMismatchError).missing).toEqual(["momentum_252d"]);
    expect((error as FeatureMismatchError).unexpected).toEqual(["net_margin"]);
    expect((error as FeatureMismatchError).code).toBe("FEATURE_MISMATCH");
  });
});
