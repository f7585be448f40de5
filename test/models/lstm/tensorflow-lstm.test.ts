// The TensorFlow.js engine runs the same model as ours: same forward pass, same Adam steps, interchangeable weights.
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { initialLstmWeights, lstmWeightShapes, tensorflowLstmEngine, typedArrayLstmEngine, type LstmArchitecture, type LstmWeight } from "../../../src/models/lstm/index";

const arch: LstmArchitecture = { sequenceLength: 6, inputWidth: 2, units: [5, 3] };

/** Initial weights moved at random, so that every gate and bias matters. */
function perturbedWeights(seed: number): LstmWeight[] {
  const rng = createRng(seed);
  return initialLstmWeights(arch, seed).map((w) => ({ ...w, values: w.values.map((v) => v + 0.2 * rng.normal()) }));
}

function batch(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  return { x: Float64Array.from({ length: n * arch.sequenceLength * arch.inputWidth }, () => rng.normal()), y: Float64Array.from({ length: n }, () => rng.normal()) };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe("tensorflowLstmEngine", () => {
  it("has TensorFlow.js's weight shapes and order", async () => {
    const net = await tensorflowLstmEngine.create(arch, initialLstmWeights(arch, 1));
    expect(net.weights().map((w) => [w.name, w.shape])).toEqual(lstmWeightShapes(arch).map((w) => [w.name, w.shape]));
    expect(net.backend).toBe("wasm");
    net.dispose();
  }, 60_000);

  it("gives the same forecasts and embeddings as the typed-array engine with the same weights", async () => {
    const weights = perturbedWeights(3);
    const { x } = batch(40, 4);
    const ours = await typedArrayLstmEngine.create(arch, weights);
    const theirs = await tensorflowLstmEngine.create(arch, weights);
    const f = ours.predict(x);
    expect(f.every(Number.isFinite)).toBe(true);
    expect(maxAbsDiff(f, theirs.predict(x))).toBeLessThan(1e-5);
    expect(maxAbsDiff(ours.embedding(x), theirs.embedding(x))).toBeLessThan(1e-5);
    theirs.dispose();
  }, 60_000);

  it("takes the same Adam steps as the typed-array engine (three batches, learning rate 0.01)", async () => {
    const weights = perturbedWeights(5);
    const { x, y } = batch(24, 6);
    const ours = await typedArrayLstmEngine.create(arch, weights);
    const theirs = await tensorflowLstmEngine.create(arch, weights);
    const options = { batchSize: 8, learningRate: 0.01 };
    const lossOurs = await ours.trainEpoch(x, y, options);
    const lossTheirs = await theirs.trainEpoch(x, y, options);
    expect(Math.abs(lossOurs - lossTheirs)).toBeLessThan(1e-5 * Math.max(1, lossOurs));
    const after = ours.weights();
    const moved = after.map((w, i) => maxAbsDiff(w.values, weights[i]!.values));
    expect(Math.min(...moved)).toBeGreaterThan(0.005); // every array moved by about three steps of 0.01
    theirs.weights().forEach((w, i) => expect(maxAbsDiff(w.values, after[i]!.values)).toBeLessThan(1e-5));
    theirs.dispose();
  }, 60_000);
});
