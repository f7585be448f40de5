// Random forest regression, 100 trees on 5,000 × 20, against scikit-learn's RandomForestRegressor(n_jobs=2).
// Same settings both sides (max features 6, min samples per leaf 5, bootstrap); agreement = comparable
// accuracy (R²) on 2,000 held-out rows.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RandomForestRegressor } from "../../src/models/forest/random-forest-regressor";
import { createRng } from "../../src/core/random";
import type { FeatureFrame } from "../../src/features/feature-frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { matrixFrame } from "./synthetic-returns";

const TRAIN = 5000;
const TEST = 2000;
const P = 20;

interface Input {
  readonly train: FeatureFrame;
  readonly test: FeatureFrame;
  readonly yTrain: Float64Array;
  readonly yTest: Float64Array;
}

const NAMES = Array.from({ length: P }, (_, j) => `x${j}`);

function r2(y: Float64Array, f: ArrayLike<number>): number {
  let mean = 0;
  for (const v of y) mean += v / y.length;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    ssr += (y[i]! - f[i]!) ** 2;
    sst += (y[i]! - mean) ** 2;
  }
  return 1 - ssr / sst;
}

export const randomForestCase: BenchCase<Input> = {
  name: "random-forest",
  title: "random forest regression, 100 trees, 5,000 × 20",
  baseline: "scikit-learn RandomForestRegressor(n_jobs=2)",
  goal: 2,
  reps: 3,
  prepare(dir) {
    const rng = createRng(5);
    const n = TRAIN + TEST;
    const x = new Float64Array(n * P);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < P; j++) x[i * P + j] = rng.normal();
      const r = x.subarray(i * P, (i + 1) * P);
      y[i] = 2 * Math.sin(r[0]!) + r[1]! * r[2]! + (r[3]! > 0 ? 1 : -1) + 0.5 * r[4]! ** 2 + 0.5 * rng.normal();
    }
    writeMatrix(join(dir, "x.bin"), { rows: n, cols: P, data: x });
    writeMatrix(join(dir, "y.bin"), { rows: n, cols: 1, data: y });
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ train: TRAIN, test: TEST, p: P }));
  },
  load(dir) {
    const x = readMatrix(join(dir, "x.bin"), TRAIN + TEST, P).data;
    const y = readMatrix(join(dir, "y.bin"), TRAIN + TEST, 1).data;
    return { train: matrixFrame(x, NAMES, 0, TRAIN), test: matrixFrame(x, NAMES, TRAIN, TEST), yTrain: y.slice(0, TRAIN), yTest: y.slice(TRAIN) };
  },
  async ours(input) {
    const rf = await new RandomForestRegressor({ nTrees: 100, maxFeatures: 6, minSamplesLeaf: 5, seed: 1, workers: 2 }).fit(input.train, input.yTrain);
    return { r2: r2(input.yTest, rf.predict(input.test)) };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("random-forest needs its baseline");
    const a = ours.result.r2 as number;
    const b = baseline.result.r2 as number;
    return { agrees: Math.abs(a - b) <= 0.02, detail: `held-out R² ours ${a.toFixed(3)}, scikit-learn ${b.toFixed(3)} (tol 0.02)` };
  },
};
