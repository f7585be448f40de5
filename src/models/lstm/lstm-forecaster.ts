/**
 * An LSTM on windows of daily returns, forecasting the next period's return; its last hidden
 * state is a momentum embedding usable as features. The arithmetic is a strategy object: our
 * typed-array engine (default) or TensorFlow.js.
 */
import { DataError, InputError, NumericalError } from "../../core/index";
import { createRng, deriveSeed } from "../../core/index";
import { returnWindowNames, type FeatureFrame } from "../../features/index";
import { checkTrainingData, columnsForModel, trainingWindowOf } from "../check-training-data";
import type { FitOptions, ModelJson, Regressor, TrainingWindow } from "../estimator";
import { decodeFloat64, encodeArray } from "../typed-array-codec";
import type { LstmArchitecture, LstmEngine, LstmNetwork, LstmWeight } from "./lstm-engine";
import { initialLstmWeights, lstmWeightShapes } from "./lstm-weights";
import { tensorflowLstmEngine } from "./tensorflow-lstm";
import { typedArrayLstmEngine } from "./typed-array-lstm";

/**
 * The engines a model file can name (`state.engine`), so that it loads with the one that trained it.
 *
 * @example
 * ```ts
 * LSTM_ENGINES.map((e) => e.name); // => ["typed-arrays", "tensorflow"]
 * ```
 */
export const LSTM_ENGINES: readonly LstmEngine[] = Object.freeze([typedArrayLstmEngine, tensorflowLstmEngine]);

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
  /** At most this many training rows, drawn at random with the seed (default 1,000; with 2 × 32 units the typed-array engine trains about 2,000 windows of 20 days a second, TensorFlow.js on WebAssembly about 500). */
  readonly maxTrainingRows?: number;
  /** Seed of the initial weights, the row sample and the shuffles (default 0). */
  readonly seed?: number;
  /** What runs the arithmetic (default `typedArrayLstmEngine`; `tensorflowLstmEngine` for TensorFlow.js). */
  readonly engine?: LstmEngine;
}

interface Resolved {
  readonly sequenceLength: number;
  readonly units: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly maxTrainingRows: number;
  readonly seed: number;
  readonly engine: LstmEngine;
}

interface LstmState {
  readonly engine: LstmEngine;
  readonly network: LstmNetwork;
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
 * next month's return) from the last layer's final hidden state through a dense head. Sigmoid
 * gates, tanh activations, Adam on the mean squared error. Inputs and labels are scaled by their
 * training standard deviation. Seeded initial weights (`initialLstmWeights`: Glorot uniform,
 * forget-gate bias 1), a seeded row sample and seeded shuffles make it reproducible.
 *
 * The `engine` runs the arithmetic: `typedArrayLstmEngine` (default: our loops on typed arrays,
 * float64, several times faster than TensorFlow.js on these small tensors) or
 * `tensorflowLstmEngine` (TensorFlow.js, float32, loaded on first use). Both run the same model
 * with the same weight layout; `backend` says which ran.
 *
 * @example
 * ```ts
 * const lstm = new LstmForecaster({ sequenceLength: 20, epochs: 5, seed: 7 });
 * await lstm.fit(windows, target.values, { onProgress: progressLogger() });   // "LSTM: epoch 5/5, loss 0.98 (1.1 s)"
 * lstm.backend;                       // => "typed-arrays"
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
    const engine = options.engine ?? typedArrayLstmEngine;
    if (typeof engine !== "object" || engine === null || typeof engine.name !== "string" || typeof engine.create !== "function") {
      throw new InputError("BAD_ARGUMENT", "LstmForecaster: engine must be an LstmEngine object such as typedArrayLstmEngine or tensorflowLstmEngine");
    }
    this.options = {
      sequenceLength: int("sequenceLength", options.sequenceLength, 20, 1),
      units: [...units],
      epochs: int("epochs", options.epochs, 5, 1),
      batchSize: int("batchSize", options.batchSize, 32, 1),
      learningRate,
      maxTrainingRows: int("maxTrainingRows", options.maxTrainingRows, 1000, 2),
      seed: options.seed ?? 0,
      engine,
    };
  }

  /** The input features: `returnWindowNames(sequenceLength)`, oldest first. */
  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.trainingWindow ?? null;
  }

  /** The engine of this model (the one that trained it once fitted or loaded). */
  get engine(): LstmEngine {
    return this.state?.engine ?? this.options.engine;
  }

  /** What ran the model: `"typed-arrays"` for our engine, TensorFlow.js's backend (`"wasm"`, `"tensorflow"`, `"cpu"`) for its engine; `null` before `fit`. */
  get backend(): string | null {
    return this.state?.network.backend ?? null;
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
   *   NumericalError TENSORFLOW_UNAVAILABLE (TensorFlow.js engine); NumericalError LSTM_DIVERGED
   *   when the loss stops being finite (lower the learning rate).
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

    const architecture = this.architecture();
    const network = await o.engine.create(architecture, initialLstmWeights(architecture, o.seed));
    const losses: number[] = [];
    const started = Date.now();
    const shuffle = createRng(deriveSeed(o.seed, "lstm:shuffle"));
    const xs = new Float64Array(n * seq);
    const ys = new Float64Array(n);
    try {
      for (let epoch = 0; epoch < o.epochs; epoch++) {
        const order = shuffle.shuffle(rows);
        order.forEach((i, k) => {
          for (let s = 0; s < seq; s++) xs[k * seq + s] = columns[s]![i]! / inputScale;
          ys[k] = (y[i]! - ym) / targetScale;
        });
        const loss = await network.trainEpoch(xs, ys, { batchSize: o.batchSize, learningRate: o.learningRate });
        if (!Number.isFinite(loss)) {
          throw new NumericalError("LSTM_DIVERGED", `LstmForecaster.fit: the training loss is ${loss} after epoch ${epoch + 1}; lower learningRate (now ${o.learningRate}) or check the inputs`, { epoch: epoch + 1, learningRate: o.learningRate });
        }
        losses.push(loss);
        options.onProgress?.({ model: this.name, unit: "epochs", done: epoch + 1, total: o.epochs, loss, elapsedMs: Date.now() - started });
      }
    } catch (e) {
      network.dispose();
      throw e;
    }
    this.dispose();
    this.state = {
      engine: o.engine,
      network,
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
    const out = s.network.predict(this.inputs(s, x, "LstmForecaster.predict"));
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
    const flat = s.network.embedding(this.inputs(s, x, "LstmForecaster.embedding"));
    const k = this.embeddingSize;
    const n = x.dates.length;
    const columns = Array.from({ length: k }, (_, j) => Float64Array.from({ length: n }, (_, i) => flat[i * k + j]!));
    return { names: columns.map((_, j) => `lstm_embedding_${j}`), columns, dates: x.dates, tickers: x.tickers };
  }

  /** An unfitted copy with the same options (and engine). */
  clone(): LstmForecaster {
    return new LstmForecaster(this.options);
  }

  static readonly kind = "lstm-forecaster";

  /**
   * JSON with the architecture options, the engine's name, scaling and every weight (base64
   * float64, in Keras's layout: either engine can read them).
   *
   * @throws InputError NOT_FITTED.
   * @example
   * ```ts
   * const json = lstm.toJSON(); json.kind; // => "lstm-forecaster"
   * json.state.engine;                     // => "typed-arrays"
   * ```
   */
  toJSON(): ModelJson {
    const s = this.fitted("toJSON");
    const { engine: _engine, ...params } = this.options;
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: LstmForecaster.kind,
      featureNames: s.featureNames,
      trainingWindow: s.trainingWindow,
      params: { ...params, units: [...params.units] },
      state: {
        engine: s.engine.name,
        backend: s.network.backend,
        inputScale: s.inputScale,
        targetMean: s.targetMean,
        targetScale: s.targetScale,
        losses: [...s.losses],
        weights: s.network.weights().map((w) => ({ shape: [...w.shape], data: encodeArray(w.values) })),
      },
    };
  }

  /**
   * Rebuilds a trained LSTM from its JSON, with the engine named in the file (or `engine`, to run
   * its weights on another one).
   *
   * @throws DataError BAD_MODEL_FILE when the file names no known engine or the weights do not
   *   fit the architecture; NumericalError TENSORFLOW_UNAVAILABLE (TensorFlow.js engine).
   * @example
   * ```ts
   * const again = await LstmForecaster.fromJSON(lstm.toJSON());
   * const onTensorFlow = await LstmForecaster.fromJSON(lstm.toJSON(), tensorflowLstmEngine);
   * ```
   */
  static async fromJSON(json: ModelJson, engine?: LstmEngine): Promise<LstmForecaster> {
    const st = json.state as { engine?: unknown; inputScale: number; targetMean: number; targetScale: number; losses: number[]; weights: { shape: number[]; data: string }[] };
    const named = LSTM_ENGINES.find((e) => e.name === st.engine);
    if (engine === undefined && named === undefined) {
      throw new DataError(
        "BAD_MODEL_FILE",
        st.engine === undefined
          ? "LSTM model file: no engine recorded; it was saved by an older version (hard-sigmoid gates), whose weights do not fit this model: retrain it"
          : `LSTM model file: unknown engine ${JSON.stringify(st.engine)}; known: ${LSTM_ENGINES.map((e) => e.name).join(", ")}`,
      );
    }
    const p = json.params as unknown as LstmForecasterOptions;
    const model = new LstmForecaster({ ...p, engine: engine ?? named! });
    const architecture = model.architecture();
    const shapes = lstmWeightShapes(architecture);
    if (!Array.isArray(st.weights) || st.weights.length !== shapes.length) {
      throw new DataError("BAD_MODEL_FILE", `LSTM model file: ${Array.isArray(st.weights) ? st.weights.length : 0} weight arrays for an architecture with ${shapes.length}; the file is damaged or from another version`);
    }
    const weights: LstmWeight[] = st.weights.map((w, i) => ({ name: shapes[i]!.name, shape: Array.isArray(w.shape) ? w.shape : [], values: decodeFloat64(w.data, `weight ${i}`) }));
    const network = await model.options.engine.create(architecture, weights);
    model.state = {
      engine: model.options.engine,
      network,
      featureNames: json.featureNames,
      trainingWindow: json.trainingWindow,
      inputScale: st.inputScale,
      targetMean: st.targetMean,
      targetScale: st.targetScale,
      losses: st.losses,
    };
    return model;
  }

  /** Frees the network (TensorFlow.js tensors); the model is unfitted afterwards. */
  dispose(): void {
    if (this.state !== null) {
      this.state.network.dispose();
      this.state = null;
    }
  }

  private architecture(): LstmArchitecture {
    return { sequenceLength: this.options.sequenceLength, inputWidth: 1, units: this.options.units };
  }

  /** The rows' windows, scaled, `n × sequenceLength` row-major. */
  private inputs(s: LstmState, x: FeatureFrame, caller: string): Float64Array {
    const columns = columnsForModel(caller, this.name, s.featureNames, x);
    const n = x.dates.length;
    const seq = columns.length;
    const xs = new Float64Array(n * seq);
    for (let i = 0; i < n; i++) for (let k = 0; k < seq; k++) xs[i * seq + k] = columns[k]![i]! / s.inputScale;
    return xs;
  }

  private fitted(what: string): LstmState {
    if (this.state === null) throw new InputError("NOT_FITTED", `LstmForecaster.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}
