// LSTM, 2 layers × 32 units, sequence 20, 5,000 samples, 5 epochs, batch 32, Adam 1e-3, against PyTorch nn.LSTM.
// Agreement = comparable accuracy: held-out mean squared error within 10 % of each other.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LstmForecaster } from "../../src/models/lstm/lstm-forecaster";
import { createRng } from "../../src/core/random";
import type { FeatureFrame } from "../../src/features/feature-frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { matrixFrame } from "./synthetic-returns";

const SEQ = 20;
const TRAIN = 5000;
const TEST = 1000;

interface Input {
  readonly train: FeatureFrame;
  readonly test: FeatureFrame;
  readonly yTrain: Float64Array;
  readonly yTest: Float64Array;
}

// The results carry numbers only: the engine that trained is an index into this list.
const BACKENDS = ["typed-arrays", "wasm", "tensorflow", "cpu"];

// Columns oldest first: return_lag_19d … return_lag_0d.
const NAMES = Array.from({ length: SEQ }, (_, j) => `return_lag_${SEQ - 1 - j}d`);

export const lstmCase: BenchCase<Input> = {
  name: "lstm",
  title: "LSTM, 2 layers × 32 units, sequence 20, 5,000 samples, 5 epochs",
  baseline: "PyTorch nn.LSTM (CPU)",
  goal: 1,
  reps: 1,
  prepare(dir) {
    // A persistent AR(2) series with noise: windows of 20 values, the label is the next value.
    const rng = createRng(9);
    const n = TRAIN + TEST;
    const series = new Float64Array(n + SEQ + 1);
    for (let t = 2; t < series.length; t++) series[t] = 0.6 * series[t - 1]! - 0.3 * series[t - 2]! + 0.01 * rng.normal();
    const x = new Float64Array(n * SEQ);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < SEQ; j++) x[i * SEQ + j] = series[i + j]!;
      y[i] = series[i + SEQ]!;
    }
    writeMatrix(join(dir, "x.bin"), { rows: n, cols: SEQ, data: x });
    writeMatrix(join(dir, "y.bin"), { rows: n, cols: 1, data: y });
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ train: TRAIN, test: TEST, seq: SEQ }));
  },
  load(dir) {
    const x = readMatrix(join(dir, "x.bin"), TRAIN + TEST, SEQ).data;
    const y = readMatrix(join(dir, "y.bin"), TRAIN + TEST, 1).data;
    return { train: matrixFrame(x, NAMES, 0, TRAIN), test: matrixFrame(x, NAMES, TRAIN, TEST), yTrain: y.slice(0, TRAIN), yTest: y.slice(TRAIN) };
  },
  async ours(input) {
    const lstm = await new LstmForecaster({ sequenceLength: SEQ, units: [32, 32], epochs: 5, batchSize: 32, learningRate: 1e-3, maxTrainingRows: TRAIN, seed: 1 }).fit(input.train, input.yTrain);
    const f = lstm.predict(input.test);
    let mse = 0;
    for (let i = 0; i < TEST; i++) mse += (f[i]! - input.yTest[i]!) ** 2 / TEST;
    let variance = 0;
    for (let i = 0; i < TEST; i++) variance += input.yTest[i]! ** 2 / TEST;
    return { relativeMse: mse / variance, backend: BACKENDS.indexOf(lstm.backend ?? "") };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("lstm needs its baseline");
    const a = ours.result.relativeMse as number;
    const b = baseline.result.relativeMse as number;
    return { agrees: a <= b * 1.1 + 0.01, detail: `held-out MSE / variance: ours ${a.toFixed(3)} (${BACKENDS[ours.result.backend as number] ?? "unknown"} engine), PyTorch ${b.toFixed(3)}; agree when ours ≤ 1.1 × PyTorch's + 0.01` };
  },
};
