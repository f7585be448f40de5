// Our LSTM engine: backpropagation checked against finite differences, learning an AR(2) series, reproducibility, bad inputs.
import { describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import { createRng } from "../../../src/core/random";
import { initialLstmWeights, TypedArrayLstm, typedArrayLstmEngine, type LstmArchitecture } from "../../../src/models/lstm/index";

const tiny: LstmArchitecture = { sequenceLength: 4, inputWidth: 2, units: [3, 3] };

function randomBatch(a: LstmArchitecture, n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  return { x: Float64Array.from({ length: n * a.sequenceLength * a.inputWidth }, () => rng.normal()), y: Float64Array.from({ length: n }, () => rng.normal()) };
}

/** An AR(2) series (xₜ = 0.9xₜ₋₁ − 0.5xₜ₋₂ + εₜ, variance ≈ 2.08) cut into windows of `seq` values; the label is the next value. */
function ar2Windows(n: number, seq: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const series = new Float64Array(n + seq + 2);
  for (let t = 2; t < series.length; t++) series[t] = 0.9 * series[t - 1]! - 0.5 * series[t - 2]! + rng.normal();
  const x = new Float64Array(n * seq);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < seq; j++) x[i * seq + j] = series[i + 2 + j]!;
    y[i] = series[i + 2 + seq]!;
  }
  return { x, y };
}

describe("TypedArrayLstm", () => {
  it("computes the gradient of the batch loss: backpropagation through time equals central finite differences", () => {
    const net = new TypedArrayLstm(tiny, initialLstmWeights(tiny, 5));
    // Move every parameter off its initial value so that no gradient is zero by symmetry.
    const rng = createRng(11);
    const p0 = net.parameters.map((v) => v + 0.3 * rng.normal());
    net.setParameters(p0);
    const { x, y } = randomBatch(tiny, 5, 2);
    const gradient = new Float64Array(net.parameterCount);
    net.lossAndGradient(x, y, gradient);
    const scratch = new Float64Array(net.parameterCount);
    const h = 1e-6;
    let worst = 0;
    let largest = 0;
    for (let i = 0; i < net.parameterCount; i++) {
      const p = p0.slice();
      p[i] += h;
      net.setParameters(p);
      const up = net.lossAndGradient(x, y, scratch);
      p[i] -= 2 * h;
      net.setParameters(p);
      const down = net.lossAndGradient(x, y, scratch);
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - gradient[i]!));
      largest = Math.max(largest, Math.abs(gradient[i]!));
    }
    expect(net.parameterCount).toBe(2 * 4 * 3 + 3 * 12 + 12 + (3 + 3) * 12 + 12 + 3 + 1);
    expect(largest).toBeGreaterThan(0.01);
    expect(worst / largest).toBeLessThan(1e-6);
  });

  it("gives the same loss and gradient for a batch after a larger one, and with the products in JavaScript", () => {
    const { x, y } = randomBatch(tiny, 3, 8);
    const big = randomBatch(tiny, 9, 9);
    const fresh = new TypedArrayLstm(tiny, initialLstmWeights(tiny, 4));
    const g0 = new Float64Array(fresh.parameterCount);
    const loss0 = fresh.lossAndGradient(x, y, g0);
    const used = new TypedArrayLstm(tiny, initialLstmWeights(tiny, 4));
    const scratch = new Float64Array(used.parameterCount);
    used.lossAndGradient(big.x, big.y, scratch); // lays out its buffers for 9 rows
    const g1 = new Float64Array(used.parameterCount);
    expect(used.lossAndGradient(x, y, g1)).toBe(loss0);
    expect(g1).toEqual(g0);
    const plain = new TypedArrayLstm(tiny, initialLstmWeights(tiny, 4), false);
    expect(plain.simd).toBe(false);
    const g2 = new Float64Array(plain.parameterCount);
    expect(plain.lossAndGradient(x, y, g2)).toBe(loss0);
    expect(g2).toEqual(g0);
  });

  it("leaves its inputs unchanged and gives the same loss for the same parameters", () => {
    const net = new TypedArrayLstm(tiny, initialLstmWeights(tiny, 1));
    const { x, y } = randomBatch(tiny, 7, 3);
    const [x0, y0] = [x.slice(), y.slice()];
    const g = new Float64Array(net.parameterCount);
    const a = net.lossAndGradient(x, y, g);
    const b = net.lossAndGradient(x, y, g);
    expect(a).toBe(b);
    expect(x).toEqual(x0);
    expect(y).toEqual(y0);
  });

  it("learns an AR(2) series: held-out error well below the variance", async () => {
    const a: LstmArchitecture = { sequenceLength: 8, inputWidth: 1, units: [8] };
    const train = ar2Windows(1200, 8, 1);
    const test = ar2Windows(400, 8, 2);
    const net = await typedArrayLstmEngine.create(a, initialLstmWeights(a, 3));
    const losses: number[] = [];
    for (let epoch = 0; epoch < 6; epoch++) losses.push(await net.trainEpoch(train.x, train.y, { batchSize: 32, learningRate: 0.01 }));
    const f = net.predict(test.x);
    let mse = 0;
    let variance = 0;
    const mean = test.y.reduce((s, v) => s + v, 0) / test.y.length;
    for (let i = 0; i < f.length; i++) {
      mse += (f[i]! - test.y[i]!) ** 2;
      variance += (test.y[i]! - mean) ** 2;
    }
    // The best forecast leaves the unit innovation: MSE / variance ≈ 1 / 2.08 ≈ 0.48.
    expect(mse / variance).toBeLessThan(0.6);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    expect(net.embedding(test.x).length).toBe(400 * 8);
  });

  it("is reproducible: the same weights and data give bit-identical training", async () => {
    const a: LstmArchitecture = { sequenceLength: 5, inputWidth: 1, units: [4, 4] };
    const { x, y } = ar2Windows(100, 5, 4);
    const run = async () => {
      const net = await typedArrayLstmEngine.create(a, initialLstmWeights(a, 9));
      const loss = await net.trainEpoch(x, y, { batchSize: 16, learningRate: 0.01 });
      return { loss, predictions: net.predict(x), weights: net.weights().map((w) => w.values) };
    };
    expect(await run()).toEqual(await run());
    const other = await typedArrayLstmEngine.create(a, initialLstmWeights(a, 10));
    expect(other.predict(x)).not.toEqual((await run()).predictions);
  });

  it("predicts the same in chunks as one row at a time", async () => {
    const a: LstmArchitecture = { sequenceLength: 3, inputWidth: 1, units: [5] };
    const net = await typedArrayLstmEngine.create(a, initialLstmWeights(a, 2));
    const { x } = randomBatch(a, 600, 6);
    const all = net.predict(x);
    expect(all.length).toBe(600);
    for (const i of [0, 255, 256, 599]) expect(net.predict(x.subarray(i * 3, i * 3 + 3))[0]).toBeCloseTo(all[i]!, 14);
  });

  it("refuses weights of the wrong shape and inputs that are not whole windows", async () => {
    const w = initialLstmWeights(tiny, 1);
    await expect(typedArrayLstmEngine.create(tiny, w.slice(1))).rejects.toThrowError(DataError);
    await expect(typedArrayLstmEngine.create({ ...tiny, units: [3, 4] }, w)).rejects.toThrowError(/lstm_1\/kernel/);
    const bad = w.map((v, i) => (i === 0 ? { ...v, values: v.values.map(() => Number.NaN) } : v));
    await expect(typedArrayLstmEngine.create(tiny, bad)).rejects.toThrowError(/non-finite/);
    const net = await typedArrayLstmEngine.create(tiny, w);
    expect(() => net.predict(new Float64Array(7))).toThrowError(InputError);
    await expect(net.trainEpoch(new Float64Array(8), new Float64Array(2), { batchSize: 4, learningRate: 1e-3 })).rejects.toThrowError(/labels/);
    await net.trainEpoch(new Float64Array(8), new Float64Array(1), { batchSize: 4, learningRate: 1e-3 });
    await expect(net.trainEpoch(new Float64Array(8), new Float64Array(1), { batchSize: 4, learningRate: 1e-2 })).rejects.toThrowError(/learning rate/);
  });
});
