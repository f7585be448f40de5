// The LSTM forecaster on both engines: backend, reproducibility with a seed, embedding, save and load, bad inputs.
import { describe, expect, it } from "vitest";
import { DataError, InputError, NumericalError } from "../../../src/core/errors";
import { createRng } from "../../../src/core/random";
import { returnWindowNames, type FeatureFrame } from "../../../src/features/index";
import { FeatureMismatchError, LstmForecaster, loadTensorFlow, modelFromJSON, type ModelJson, type ProgressEvent } from "../../../src/models/index";
import { tensorflowLstmEngine, typedArrayLstmEngine, type LstmEngine } from "../../../src/models/lstm/index";

const seq = 6;
const rng = createRng(4);
const n = 120;
const names = returnWindowNames(seq);
const columns = names.map(() => Float64Array.from({ length: n }, () => 0.01 * rng.normal()));
const windows: FeatureFrame = { names, columns, dates: Array.from({ length: n }, (_, i) => `2020-${String(1 + (i % 12)).padStart(2, "0")}-28`).sort(), tickers: Array.from({ length: n }, (_, i) => `T${i}`) };
// next-period return: a momentum-like signal plus noise
const y = Float64Array.from({ length: n }, (_, i) => 0.5 * columns.reduce((a, c) => a + c[i]!, 0) + 0.005 * rng.normal());
const options = { sequenceLength: seq, units: [8, 8], epochs: 2, batchSize: 16, seed: 3 };

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe("LstmForecaster", () => {
  it("trains on our typed-array engine by default; TensorFlow.js runs on its WebAssembly backend here", async () => {
    const a = await new LstmForecaster({ ...options, epochs: 1 }).fit(windows, y);
    expect(a.engine).toBe(typedArrayLstmEngine);
    expect(a.backend).toBe("typed-arrays");
    const runtime = await loadTensorFlow();
    expect(runtime.backend).toBe("wasm");
    expect(runtime.description).toMatch(/WebAssembly backend/);
    const b = await new LstmForecaster({ ...options, epochs: 1, engine: tensorflowLstmEngine }).fit(windows, y);
    expect(b.backend).toBe("wasm");
  }, 60_000);

  for (const engine of [typedArrayLstmEngine, tensorflowLstmEngine]) {
    describe(`on the ${engine.name} engine`, () => {
      const withEngine = { ...options, engine };

      it("trains reproducibly with a seed, reporting epochs and loss", async () => {
        const events: ProgressEvent[] = [];
        const a = await new LstmForecaster(withEngine).fit(windows, y, { onProgress: (e) => events.push(e) });
        const b = await new LstmForecaster(withEngine).fit(windows, y);
        expect(events.map((e) => [e.unit, e.done, e.total])).toEqual([["epochs", 1, 2], ["epochs", 2, 2]]);
        expect(events.every((e) => Number.isFinite(e.loss))).toBe(true);
        expect(a.losses).toEqual(b.losses);
        expect(b.predict(windows)).toEqual(a.predict(windows));
        const e = a.embedding(windows);
        expect(e.names).toEqual(Array.from({ length: 8 }, (_, k) => `lstm_embedding_${k}`));
        expect(e.columns.every((c) => c.length === n && c.every(Number.isFinite))).toBe(true);
        expect(e.dates).toEqual(windows.dates);
        expect(a.clone().engine).toBe(engine);
      }, 60_000);

      it("saves to JSON with its engine's name and loads back with that engine and identical forecasts", async () => {
        const a = await new LstmForecaster(withEngine).fit(windows, y);
        const json = JSON.parse(JSON.stringify(a.toJSON())) as ModelJson;
        expect(json.kind).toBe("lstm-forecaster");
        expect(json.featureNames).toEqual(names);
        expect(json.state.engine).toBe(engine.name);
        expect(json.params.engine).toBeUndefined();
        const again = (await modelFromJSON(json)) as LstmForecaster;
        expect(again.engine).toBe(engine);
        expect(again.predict(windows)).toEqual(a.predict(windows));
        expect(again.embedding(windows).columns).toEqual(a.embedding(windows).columns);
        expect(again.losses).toEqual(a.losses);
      }, 60_000);
    });
  }

  it("runs the same model on both engines: same losses, and weights that load into the other engine", async () => {
    const ours = await new LstmForecaster(options).fit(windows, y);
    const theirs = await new LstmForecaster({ ...options, engine: tensorflowLstmEngine }).fit(windows, y);
    // Same initial weights, rows and shuffles: float64 and float32 arithmetic stay within float32 rounding.
    ours.losses.forEach((l, i) => expect(Math.abs(l - theirs.losses[i]!)).toBeLessThan(1e-5 * l));
    const scale = Math.max(...ours.predict(windows).map(Math.abs));
    expect(maxAbsDiff(ours.predict(windows), theirs.predict(windows))).toBeLessThan(1e-4 * scale);
    // The typed-array model's weights, run by TensorFlow.js: the same forecasts to float32 precision.
    const moved = await LstmForecaster.fromJSON(ours.toJSON(), tensorflowLstmEngine);
    expect(moved.backend).toBe("wasm");
    expect(maxAbsDiff(moved.predict(windows), ours.predict(windows))).toBeLessThan(1e-5 * scale);
    const e = moved.embedding(windows).columns.flatMap((c) => [...c]);
    expect(maxAbsDiff(e, ours.embedding(windows).columns.flatMap((c) => [...c]))).toBeLessThan(1e-5);
  }, 60_000);

  it("refuses model files from an older version or naming an unknown engine", async () => {
    const json = (await new LstmForecaster({ ...options, epochs: 1 }).fit(windows, y)).toJSON();
    const { engine: _engine, ...older } = json.state;
    await expect(LstmForecaster.fromJSON({ ...json, state: older })).rejects.toThrowError(DataError);
    await expect(LstmForecaster.fromJSON({ ...json, state: older })).rejects.toThrowError(/older version/);
    await expect(LstmForecaster.fromJSON({ ...json, state: { ...json.state, engine: "gpu" } })).rejects.toThrowError(/unknown engine "gpu"/);
    const weights = json.state.weights as unknown[];
    await expect(LstmForecaster.fromJSON({ ...json, state: { ...json.state, weights: weights.slice(1) } })).rejects.toThrowError(/weight arrays/);
  }, 60_000);

  it("refuses rows without its return window and bad options", async () => {
    const a = await new LstmForecaster({ ...options, epochs: 1 }).fit(windows, y);
    const other = { ...windows, names: returnWindowNames(seq + 1).slice(0, seq) };
    expect(() => a.predict(other)).toThrowError(FeatureMismatchError);
    await expect(new LstmForecaster({ ...options, sequenceLength: 5 }).fit(windows, y)).rejects.toThrowError(/not in the model return_lag_5d/);
    expect(() => new LstmForecaster({ units: [] })).toThrowError(/units/);
    expect(() => new LstmForecaster({ engine: "tensorflow" as never })).toThrowError(/engine must be an LstmEngine/);
    expect(() => new LstmForecaster().predict(windows)).toThrowError(/not fitted/);
    const bad = Float64Array.from(y);
    bad[3] = Number.NaN;
    await expect(new LstmForecaster(options).fit(windows, bad)).rejects.toThrowError(InputError);
  }, 60_000);

  it("stops with a NumericalError when the loss is not finite, and frees the network", async () => {
    let disposed = 0;
    const diverging: LstmEngine = {
      name: "diverging",
      create: async (architecture, weights) => {
        const net = await typedArrayLstmEngine.create(architecture, weights);
        return { backend: "test", trainEpoch: async () => Number.NaN, predict: (x) => net.predict(x), embedding: (x) => net.embedding(x), weights: () => net.weights(), dispose: () => void disposed++ };
      },
    };
    const model = new LstmForecaster({ ...options, engine: diverging });
    await expect(model.fit(windows, y)).rejects.toThrowError(NumericalError);
    await expect(model.fit(windows, y)).rejects.toThrowError(/loss is NaN after epoch 1; lower learningRate/);
    expect(disposed).toBe(2);
    expect(() => model.predict(windows)).toThrowError(/not fitted/);
  });
});
