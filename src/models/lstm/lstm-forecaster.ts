/**
 * An LSTM on windows of daily returns (TensorFlow.js), forecasting the next period's return; its
 * last hidden state is a momentum embedding usable as features.
 */
import type * as TF from "@tensorflow/tfjs";
import { DataError, InputError } from "../../core/errors";
import { createRng, deriveSeed } from "../../core/random";
import { returnWindowNames, type FeatureFrame } from "../../features/index";
import { checkTrainingData, columnsForModel, trainingWindowOf } from "../check-training-data";
import type { FitOptions, ModelJson, Regressor, TrainingWindow } from "../estimator";
import { decodeFloat64, encodeArray } from "../typed-array-codec";
import { loadTensorFlow, type TensorFlowRuntime } from "./tensorflow-runtime";

/** Options of {@link LstmForecaster}. */
export interface LstmForecasterOptions {
  /** Daily returns per input window (default 20); the rows must carry `returnWindowNames(sequenceLength)`. */
  readonly sequenceLength?: number;
  /** Units of each LSTM layer (default [32, 32]: two layers of 32). */
  readonly units?: readonly number[];
  /** Passes over the training rows (default 5). */
  readonly epochs?: number;
  /** Rows per gradient step (default 32). */
  readonly batchSize?: number;
  /** Adam's learning rate (default 0.001). */
  readonly learningRate?: number;
  /** At most this many training rows, drawn at random with the seed (default 1,000; the WebAssembly backend trains about 300 windows of 20 days a second). */
  readonly maxTrainingRows?: number;
  /** Seed of the initial weights, the row sample and the shuffles (default 0). */
  readonly seed?: number;
}

interface Resolved {
  readonly sequenceLength: number;
  readonly units: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly maxTrainingRows: number;
  readonly seed: number;
}

interface LstmState {
  readonly runtime: TensorFlowRuntime;
  readonly model: TF.LayersModel;
  readonly embedder: TF.LayersModel;
  readonly featureNames: readonly string[];
  readonly trainingWindow: TrainingWindow;
  readonly inputScale: number;
  readonly targetMean: number;
  readonly targetScale: number;
  readonly losses: readonly number[];
}

function int(name: string, v: number | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < min) throw new InputError("BAD_ARGUMENT", `LstmForecaster: ${name} ${v} must be an integer ≥ ${min}`, { [name]: v });
  return v;
}

/**
 * A stacked LSTM regressor (Hochreiter & Schmidhuber, 1997) reading each row's window of past daily
 * returns (features `return_lag_<k>d`, oldest first) and forecasting the row's label (e.g. the
 * next month's return). Inputs and labels are scaled by their training standard deviation.
 * Seeded initial weights (Glorot uniform), a seeded row sample and seeded shuffles make it
 * reproducible on one backend. TensorFlow.js is loaded on first `fit` (see `loadTensorFlow`):
 * `backend` says which ran.
 *
 * @example
 * ```ts
 * const lstm = new LstmForecaster({ sequenceLength: 20, epochs: 5, seed: 7 });
 * await lstm.fit(windows, target.values, { onProgress: progressLogger() });   // "LSTM: epoch 5/5, loss 0.98 (9.4 s)"
 * lstm.backend;                       // => "wasm"
 * lstm.predict(windows);              // next-period forecasts
 * lstm.embedding(windows).names;      // => ["lstm_embedding_0", …, "lstm_embedding_31"]
 * ```
 */
export class LstmForecaster implements Regressor {
  readonly name: string = "LSTM";
  private readonly options: Resolved;
  private state: LstmState | null = null;

  /** @throws InputError BAD_ARGUMENT for an invalid option. */
  constructor(options: LstmForecasterOptions = {}) {
    const units = options.units ?? [32, 32];
    if (units.length === 0 || units.some((u) => !Number.isInteger(u) || u < 1)) {
      throw new InputError("BAD_ARGUMENT", `LstmForecaster: units ${JSON.stringify(units)} must list at least one positive integer per layer`);
    }
    const learningRate = options.learningRate ?? 0.001;
    if (!(learningRate > 0 && Number.isFinite(learningRate))) throw new InputError("BAD_ARGUMENT", `LstmForecaster: learningRate ${learningRate} must be positive`);
    if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) throw new InputError("BAD_SEED", `LstmForecaster: seed ${options.seed} must be a safe integer`);
    this.options = {
      sequenceLength: int("sequenceLength", options.sequenceLength, 20, 1),
      units: [...units],
      epochs: int("epochs", options.epochs, 5, 1),
      batchSize: int("batchSize", options.batchSize, 32, 1),
      learningRate,
      maxTrainingRows: int("maxTrainingRows", options.maxTrainingRows, 1000, 2),
      seed: options.seed ?? 0,
    };
  }

  /** The input features: `returnWindowNames(sequenceLength)`, oldest first. */
  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.trainingWindow ?? null;
  }

  /** The TensorFlow.js backend that trained the model (`"wasm"`, `"tensorflow"`, `"cpu"`), or `null` before `fit`. */
  get backend(): string | null {
    return this.state?.runtime.backend ?? null;
  }

  /** Training loss (mean squared error on scaled labels) after each epoch. */
  get losses(): readonly number[] {
    return this.state?.losses ?? [];
  }

  /** Width of the embedding: the last layer's units. */
  get embeddingSize(): number {
    return this.options.units[this.options.units.length - 1]!;
  }

  /**
   * Trains the network; reports each epoch and its loss through `onProgress`.
   *
   * @param x rows carrying exactly `returnWindowNames(sequenceLength)`.
   * @param y one finite label per row.
   * @throws FeatureMismatchError for other features; InputError as `checkTrainingData`;
   *   NumericalError TENSORFLOW_UNAVAILABLE.
   * @example
   * ```ts
   * await lstm.fit(windows, y);
   * ```
   */
  async fit(x: FeatureFrame, y: ArrayLike<number>, options: FitOptions = {}): Promise<this> {
    const o = this.options;
    const names = returnWindowNames(o.sequenceLength);
    const columns = columnsForModel("LstmForecaster.fit", this.name, names, x);
    checkTrainingData("LstmForecaster.fit", x, y, 2);
    const runtime = await loadTensorFlow();
    const { tf } = runtime;
    const rng = createRng(deriveSeed(o.seed, "lstm:rows"));
    let rows = Array.from({ length: x.dates.length }, (_, i) => i);
    if (rows.length > o.maxTrainingRows) rows = rng.shuffle(rows).slice(0, o.maxTrainingRows).sort((a, b) => a - b);
    const n = rows.length;
    const seq = o.sequenceLength;

    let ss = 0;
    for (const c of columns) for (const i of rows) ss += c[i]! * c[i]!;
    const inputScale = Math.sqrt(ss / (n * seq)) || 1;
    let ym = 0;
    for (const i of rows) ym += y[i]!;
    ym /= n;
    let yv = 0;
    for (const i of rows) yv += (y[i]! - ym) ** 2;
    const targetScale = Math.sqrt(yv / n) || 1;

    const model = this.build(tf);
    model.compile({ optimizer: tf.train.adam(o.learningRate), loss: "meanSquaredError" });
    const losses: number[] = [];
    const started = Date.now();
    const shuffle = createRng(deriveSeed(o.seed, "lstm:shuffle"));
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = shuffle.shuffle(rows);
      const xs = new Float32Array(n * seq);
      const ys = new Float32Array(n);
      order.forEach((i, k) => {
        for (let s = 0; s < seq; s++) xs[k * seq + s] = columns[s]![i]! / inputScale;
        ys[k] = (y[i]! - ym) / targetScale;
      });
      const xt = tf.tensor3d(xs, [n, seq, 1]);
      const yt = tf.tensor2d(ys, [n, 1]);
      const history = await model.fit(xt, yt, { epochs: 1, batchSize: o.batchSize, shuffle: false, verbose: 0 });
      xt.dispose();
      yt.dispose();
      const loss = Number(history.history.loss?.[0]);
      losses.push(loss);
      options.onProgress?.({ model: this.name, unit: "epochs", done: epoch + 1, total: o.epochs, loss, elapsedMs: Date.now() - started });
    }
    this.dispose();
    this.state = {
      runtime,
      model,
      embedder: embedderOf(tf, model),
      featureNames: names,
      trainingWindow: trainingWindowOf(x),
      inputScale,
      targetMean: ym,
      targetScale,
      losses,
    };
    return this;
  }

  /**
   * Forecast per row (in the label's unit).
   *
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * lstm.predict(windows)[0]; // => 0.004
   * ```
   */
  predict(x: FeatureFrame): Float64Array {
    const s = this.fitted("predict");
    const out = this.run(s, s.model, x, "LstmForecaster.predict");
    return out.map((v) => s.targetMean + s.targetScale * v);
  }

  /**
   * The last LSTM layer's final hidden state per row: a learnt summary of the return window
   * ("momentum embedding"), as a frame with the rows' keys and features `lstm_embedding_<k>`.
   * Append it to other features with `withColumns`.
   *
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * const e = lstm.embedding(windows);
   * withColumns(features, e.names, e.columns);
   * ```
   */
  embedding(x: FeatureFrame): FeatureFrame {
    const s = this.fitted("embedding");
    const flat = this.run(s, s.embedder, x, "LstmForecaster.embedding");
    const k = this.embeddingSize;
    const n = x.dates.length;
    const columns = Array.from({ length: k }, (_, j) => Float64Array.from({ length: n }, (_, i) => flat[i * k + j]!));
    return { names: columns.map((_, j) => `lstm_embedding_${j}`), columns, dates: x.dates, tickers: x.tickers };
  }

  clone(): LstmForecaster {
    return new LstmForecaster(this.options);
  }

  static readonly kind = "lstm-forecaster";

  /**
   * JSON with the architecture options, scaling and every weight (base64 float64).
   *
   * @throws InputError NOT_FITTED.
   * @example
   * ```ts
   * const json = lstm.toJSON(); json.kind; // => "lstm-forecaster"
   * ```
   */
  toJSON(): ModelJson {
    const s = this.fitted("toJSON");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: LstmForecaster.kind,
      featureNames: s.featureNames,
      trainingWindow: s.trainingWindow,
      params: { ...this.options, units: [...this.options.units] },
      state: {
        backend: s.runtime.backend,
        inputScale: s.inputScale,
        targetMean: s.targetMean,
        targetScale: s.targetScale,
        losses: [...s.losses],
        weights: s.model.getWeights().map((w) => ({ shape: w.shape, data: encodeArray(Float64Array.from(w.dataSync())) })),
      },
    };
  }

  /**
   * Rebuilds a trained LSTM from its JSON (loads TensorFlow.js).
   *
   * @throws DataError BAD_MODEL_FILE when the weights do not fit the architecture.
   * @example
   * ```ts
   * const again = await LstmForecaster.fromJSON(lstm.toJSON());
   * ```
   */
  static async fromJSON(json: ModelJson): Promise<LstmForecaster> {
    const p = json.params as unknown as LstmForecasterOptions;
    const model = new LstmForecaster(p);
    const runtime = await loadTensorFlow();
    const { tf } = runtime;
    const net = model.build(tf);
    const st = json.state as { inputScale: number; targetMean: number; targetScale: number; losses: number[]; weights: { shape: number[]; data: string }[] };
    const expected = net.getWeights();
    if (!Array.isArray(st.weights) || st.weights.length !== expected.length) {
      throw new DataError("BAD_MODEL_FILE", `LSTM model file: ${Array.isArray(st.weights) ? st.weights.length : 0} weight arrays for an architecture with ${expected.length}; the file is damaged or from another version`);
    }
    const tensors = st.weights.map((w, i) => {
      const data = decodeFloat64(w.data, `weight ${i}`);
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (data.length !== size || w.shape.join("x") !== expected[i]!.shape.join("x")) {
        throw new DataError("BAD_MODEL_FILE", `LSTM model file: weight ${i} has shape ${w.shape.join("×")} (${data.length} values), the architecture needs ${expected[i]!.shape.join("×")}`);
      }
      return tf.tensor(Float32Array.from(data), w.shape);
    });
    net.setWeights(tensors);
    tensors.forEach((t) => t.dispose());
    model.state = {
      runtime,
      model: net,
      embedder: embedderOf(tf, net),
      featureNames: json.featureNames,
      trainingWindow: json.trainingWindow,
      inputScale: st.inputScale,
      targetMean: st.targetMean,
      targetScale: st.targetScale,
      losses: st.losses,
    };
    return model;
  }

  /** Frees the network's tensors (the model is unfitted afterwards). */
  dispose(): void {
    if (this.state !== null) {
      this.state.model.dispose();
      this.state = null;
    }
  }

  private build(tf: typeof TF): TF.LayersModel {
    const o = this.options;
    const model = tf.sequential();
    o.units.forEach((units, layer) => {
      model.add(
        tf.layers.lstm({
          units,
          returnSequences: layer < o.units.length - 1,
          ...(layer === 0 ? { inputShape: [o.sequenceLength, 1] } : {}),
          kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(o.seed, `lstm:kernel:${layer}`) }),
          recurrentInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(o.seed, `lstm:recurrent:${layer}`) }),
          name: `lstm_${layer}`,
        }),
      );
    });
    model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(o.seed, "lstm:dense") }), name: "forecast" }));
    return model;
  }

  private run(s: LstmState, net: TF.LayersModel, x: FeatureFrame, caller: string): Float64Array {
    const columns = columnsForModel(caller, this.name, s.featureNames, x);
    const { tf } = s.runtime;
    const n = x.dates.length;
    const seq = columns.length;
    const xs = new Float32Array(n * seq);
    for (let i = 0; i < n; i++) for (let k = 0; k < seq; k++) xs[i * seq + k] = columns[k]![i]! / s.inputScale;
    const input = tf.tensor3d(xs, [n, seq, 1]);
    const out = net.predict(input) as TF.Tensor;
    const values = Float64Array.from(out.dataSync());
    input.dispose();
    out.dispose();
    return values;
  }

  private fitted(what: string): LstmState {
    if (this.state === null) throw new InputError("NOT_FITTED", `LstmForecaster.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}

/** A model sharing the network's layers that outputs the last LSTM layer's final hidden state. */
function embedderOf(tf: typeof TF, model: TF.LayersModel): TF.LayersModel {
  const lstmLayers = model.layers.filter((l) => l.name.startsWith("lstm_"));
  const last = lstmLayers[lstmLayers.length - 1]!;
  return tf.model({ inputs: model.inputs, outputs: last.output as TF.SymbolicTensor });
}
