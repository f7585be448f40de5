// The LSTM on TensorFlow.js: backend, reproducibility with a seed, embedding, save and load.
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/random";
import { returnWindowNames, type FeatureFrame } from "../../src/features/index";
import { FeatureMismatchError, LstmForecaster, loadTensorFlow, modelFromJSON, type ProgressEvent } from "../../src/models/index";

const seq = 6;
const rng = createRng(4);
const n = 120;
const names = returnWindowNames(seq);
const columns = names.map(() => Float64Array.from({ length: n }, () => 0.01 * rng.normal()));
const windows: FeatureFrame = { names, columns, dates: Array.from({ length: n }, (_, i) => `2020-${String(1 + (i % 12)).padStart(2, "0")}-28`).sort(), tickers: Array.from({ length: n }, (_, i) => `T${i}`) };
// next-period return: a momentum-like signal plus noise
const y = Float64Array.from({ length: n }, (_, i) => 0.5 * columns.reduce((a, c) => a + c[i]!, 0) + 0.005 * rng.normal());
const options = { sequenceLength: seq, units: [8, 8], epochs: 2, batchSize: 16, seed: 3 };

describe("LstmForecaster", () => {
  it("runs on the WebAssembly backend here and says so", async () => {
    const runtime = await loadTensorFlow();
    expect(runtime.backend).toBe("wasm");
    expect(runtime.description).toMatch(/WebAssembly backend/);
  }, 60_000);

  it("trains reproducibly with a seed, reporting epochs and loss", async () => {
    const events: ProgressEvent[] = [];
    const a = await new LstmForecaster(options).fit(windows, y, { onProgress: (e) => events.push(e) });
    const b = await new LstmForecaster(options).fit(windows, y);
    expect(a.backend).toBe("wasm");
    expect(events.map((e) => [e.unit, e.done, e.total])).toEqual([["epochs", 1, 2], ["epochs", 2, 2]]);
    expect(events.every((e) => Number.isFinite(e.loss))).toBe(true);
    expect(a.losses).toEqual(b.losses);
    expect(b.predict(windows)).toEqual(a.predict(windows));
    const e = a.embedding(windows);
    expect(e.names).toEqual(Array.from({ length: 8 }, (_, k) => `lstm_embedding_${k}`));
    expect(e.columns.every((c) => c.length === n && c.every(Number.isFinite))).toBe(true);
    expect(e.dates).toEqual(windows.dates);
  }, 60_000);

  it("saves to JSON and loads back with identical forecasts", async () => {
    const a = await new LstmForecaster(options).fit(windows, y);
    const json = JSON.parse(JSON.stringify(a.toJSON()));
    expect(json.kind).toBe("lstm-forecaster");
    expect(json.featureNames).toEqual(names);
    const again = (await modelFromJSON(json)) as LstmForecaster;
    expect(again.predict(windows)).toEqual(a.predict(windows));
    expect(again.embedding(windows).columns).toEqual(a.embedding(windows).columns);
  }, 60_000);

  it("refuses rows without its return window and bad options", async () => {
    const a = await new LstmForecaster({ ...options, epochs: 1 }).fit(windows, y);
    const other = { ...windows, names: returnWindowNames(seq + 1).slice(0, seq) };
    expect(() => a.predict(other)).toThrowError(FeatureMismatchError);
    await expect(new LstmForecaster({ ...options, sequenceLength: 5 }).fit(windows, y)).rejects.toThrowError(/not in the model return_lag_5d/);
    expect(() => new LstmForecaster({ units: [] })).toThrowError(/units/);
    expect(() => new LstmForecaster().predict(windows)).toThrowError(/not fitted/);
  }, 60_000);
});
