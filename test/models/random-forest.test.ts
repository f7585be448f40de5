import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import {
  FeatureMismatchError,
  MlRandomForestRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
  forest,
  loadModel,
  metrics,
  permutationImportance,
  progressLogger,
  saveModel,
  topFeatures,
  type ProgressEvent,
} from "../../src/models/index";
import { rSquared, slice, syntheticFrame } from "./helpers";

const data = syntheticFrame(1200, 6, 11);
const train = slice(data.frame, data.y, 0, 900);
const test = slice(data.frame, data.y, 900, 1200);
const folder = await mkdtemp(join(tmpdir(), "aw-models-"));
afterAll(async () => {
  await forest.stopForestWorkers();
  await rm(folder, { recursive: true, force: true });
});

describe("RandomForestRegressor", () => {
  it("learns a non-linear function out of sample", async () => {
    const rf = await new RandomForestRegressor({ nTrees: 60, seed: 1, workers: 1 }).fit(train.frame, train.y);
    expect(rSquared(test.y, rf.predict(test.frame))).toBeGreaterThan(0.75);
    expect(rf.treeCount).toBe(60);
    expect(rf.trainingWindow).toEqual({ start: train.frame.dates[0], end: train.frame.dates[899] });
  });

  it("ranks the informative features first, by impurity and by permutation", async () => {
    const rf = await new RandomForestRegressor({ nTrees: 60, seed: 1, workers: 1 }).fit(train.frame, train.y);
    const impurity = rf.featureImportance();
    expect(impurity.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(topFeatures(impurity, 2).sort()).toEqual(["x0", "x1"]);
    const perm = permutationImportance((x) => rf.predict(x), test.frame, test.y, { repeats: 3, seed: 2 });
    expect(topFeatures(perm.importance, 2).sort()).toEqual(["x0", "x1"]);
    expect(Math.max(...Array.from(perm.importance.values.slice(2)))).toBeLessThan(0.05);
    expect(perm.baseline).toBeCloseTo(metrics.rmse(test.y, rf.predict(test.frame)), 12);
    // The fitted model itself, in place of its predict, gives the same importance.
    expect(permutationImportance(rf, test.frame, test.y, { repeats: 3, seed: 2 })).toEqual(perm);
  });

  it("is reproducible with a seed, in this thread or on two worker threads", async () => {
    const a = await new RandomForestRegressor({ nTrees: 20, seed: 5, workers: 1 }).fit(train.frame, train.y);
    const b = await new RandomForestRegressor({ nTrees: 20, seed: 5, workers: 1 }).fit(train.frame, train.y);
    const c = await new RandomForestRegressor({ nTrees: 20, seed: 6, workers: 1 }).fit(train.frame, train.y);
    const parallel = await new RandomForestRegressor({ nTrees: 20, seed: 5, workers: 2 }).fit(train.frame, train.y);
    expect(b.predict(test.frame)).toEqual(a.predict(test.frame));
    expect(parallel.predict(test.frame)).toEqual(a.predict(test.frame));
    expect(c.predict(test.frame)).not.toEqual(a.predict(test.frame));
  });

  it("reports progress as trees are built", async () => {
    const events: ProgressEvent[] = [];
    const lines: string[] = [];
    const log = progressLogger({ write: (l) => lines.push(l), every: 0.5 });
    await new RandomForestRegressor({ nTrees: 10, seed: 1, workers: 1 }).fit(train.frame, train.y, { onProgress: (e) => { events.push(e); log(e); } });
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events.every((e) => e.unit === "trees" && e.total === 10)).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^random forest: 10\/10 trees \(\d+\.\d s\)$/);
  });

  it("saves to JSON and loads back with identical predictions", async () => {
    const rf = await new RandomForestRegressor({ nTrees: 15, seed: 3, workers: 1 }).fit(train.frame, train.y);
    const path = join(folder, "rf.json");
    const bytes = await saveModel(path, rf);
    expect(bytes).toBeGreaterThan(1000);
    const again = (await loadModel(path, { features: train.frame.names })) as RandomForestRegressor;
    expect(again).toBeInstanceOf(RandomForestRegressor);
    expect(again.predict(test.frame)).toEqual(rf.predict(test.frame));
    expect(again.featureNames).toEqual(rf.featureNames);
    expect(again.trainingWindow).toEqual(rf.trainingWindow);
    expect(again.featureImportance()).toEqual(rf.featureImportance());
    const json = JSON.parse(await readFile(path, "utf8"));
    expect(json).toMatchObject({ format: "allocation-workbook/model", version: 1, kind: "random-forest-regressor", featureNames: train.frame.names });
  });

  it("refuses rows or a model file with another feature list, naming the difference", async () => {
    const rf = await new RandomForestRegressor({ nTrees: 5, seed: 3, workers: 1 }).fit(train.frame, train.y);
    const renamed = { ...test.frame, names: ["x0", "x1", "x2", "x3", "x4", "momentum_252d"] };
    expect(() => rf.predict(renamed)).toThrowError(FeatureMismatchError);
    expect(() => rf.predict(renamed)).toThrowError(/missing x5; not in the model momentum_252d/);
    const reordered = { ...test.frame, names: [...test.frame.names].reverse(), columns: [...test.frame.columns].reverse() };
    expect(rf.predict(reordered)).toEqual(rf.predict(test.frame)); // same features, any order
    const path = join(folder, "rf-small.json");
    await saveModel(path, rf);
    await expect(loadModel(path, { features: renamed.names })).rejects.toThrowError(/missing x5; not in the model momentum_252d/);
  });

  it("rejects NaN, constant features, too few rows and bad options with typed errors", async () => {
    const bad = { ...train.frame, columns: train.frame.columns.map((c, j) => (j === 2 ? Float64Array.from(c, (v, i) => (i === 7 ? NaN : v)) : c)) };
    await expect(new RandomForestRegressor().fit(bad, train.y)).rejects.toThrowError(/feature x2 of T7 on .* \(row 7\) is NaN/);
    const constant = { ...train.frame, columns: train.frame.columns.map((c, j) => (j === 4 ? new Float64Array(c.length).fill(2) : c)) };
    await expect(new RandomForestRegressor().fit(constant, train.y)).rejects.toThrowError(/feature x4 is constant/);
    await expect(new RandomForestRegressor().fit(train.frame, train.y.map((v, i) => (i === 3 ? Infinity : v)))).rejects.toThrowError(/label of T3/);
    const tiny = slice(train.frame, train.y, 0, 6);
    await expect(new RandomForestRegressor().fit(tiny.frame, tiny.y)).rejects.toThrowError(InputError);
    await expect(new RandomForestRegressor({ maxFeatures: 9 }).fit(train.frame, train.y)).rejects.toThrowError(/maxFeatures 9 exceeds the 6 features/);
    expect(() => new RandomForestRegressor({ nTrees: 0 })).toThrowError(/nTrees 0/);
    expect(() => new RandomForestRegressor().predict(test.frame)).toThrowError(/not fitted/);
  });

  it("does not change its inputs", async () => {
    const before = train.frame.columns.map((c) => Float64Array.from(c));
    const y = Float64Array.from(train.y);
    await new RandomForestRegressor({ nTrees: 3, workers: 1 }).fit(train.frame, train.y);
    expect(train.frame.columns).toEqual(before);
    expect(train.y).toEqual(y);
  });
});

describe("RandomForestClassifier", () => {
  const labels = train.y.map((v) => (v > 0 ? 1 : 0));
  const outcomes = test.y.map((v) => (v > 0 ? 1 : 0));

  it("gives probabilities with a high AUC, reproducibly", async () => {
    const clf = await new RandomForestClassifier({ nTrees: 60, seed: 2, workers: 1 }).fit(train.frame, labels);
    const p = clf.predictProbability(test.frame);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(metrics.auc(outcomes, p)).toBeGreaterThan(0.85);
    const again = await new RandomForestClassifier({ nTrees: 60, seed: 2, workers: 1 }).fit(train.frame, labels);
    expect(again.predictProbability(test.frame)).toEqual(p);
    const path = join(folder, "clf.json");
    await saveModel(path, clf);
    expect(((await loadModel(path)) as RandomForestClassifier).predictProbability(test.frame)).toEqual(p);
  });

  it("rejects labels other than 0/1 and a single class", async () => {
    await expect(new RandomForestClassifier().fit(train.frame, train.y)).rejects.toThrowError(/pass 0 or 1/);
    await expect(new RandomForestClassifier().fit(train.frame, new Float64Array(900).fill(1))).rejects.toThrowError(/every label is 1/);
  });
});

describe("MlRandomForestRegressor (the ml-random-forest alternative)", () => {
  it("fits and predicts behind the same interface, and saves and loads", async () => {
    const small = slice(data.frame, data.y, 0, 200);
    const model = await new MlRandomForestRegressor({ nTrees: 5, seed: 1 }).fit(small.frame, small.y);
    const p = model.predict(test.frame);
    expect(p.length).toBe(300);
    expect(model.featureImportance().labels).toEqual(small.frame.names);
    const path = join(folder, "ml.json");
    await saveModel(path, model);
    expect(((await loadModel(path)) as MlRandomForestRegressor).predict(test.frame)).toEqual(p);
    expect(() => model.predict({ ...test.frame, names: ["a", "b", "c", "d", "e", "f"] })).toThrowError(FeatureMismatchError);
  });
});

describe("model files", () => {
  it("reject a file that is not a model, or of an unknown kind", async () => {
    const path = join(folder, "junk.json");
    await writeFile(path, JSON.stringify({ hello: 1 }));
    await expect(loadModel(path)).rejects.toThrowError(/not an allocation-workbook model/);
    await writeFile(path, JSON.stringify({ format: "allocation-workbook/model", version: 1, kind: "svm", featureNames: [], trainingWindow: { start: "", end: "" }, params: {}, state: {} }));
    await expect(loadModel(path)).rejects.toThrowError(/no reader for model kind svm/);
    await expect(loadModel(join(folder, "missing.json"))).rejects.toThrowError(/cannot read/);
  });
});
