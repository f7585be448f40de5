/**
 * Saving models to JSON files and loading them back, with their feature list and training window.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DataError } from "../core/index";
import { HistoricalMeanBaseline, LastValueBaseline } from "./baselines";
import { StackedEnsemble } from "./ensemble/stacked-ensemble";
import type { Classifier, ModelJson, Regressor } from "./estimator";
import { MlRandomForestRegressor } from "./forest/ml-random-forest-regressor";
import { RandomForestClassifier } from "./forest/random-forest-classifier";
import { RandomForestRegressor } from "./forest/random-forest-regressor";
import { LogisticRegression } from "./linear/logistic-regression";
import { RidgeRegression } from "./linear/ridge-regression";
import { LstmForecaster } from "./lstm/lstm-forecaster";
import { FeatureMismatchError } from "./model-errors";
import { GaussianHmm } from "./regimes/gaussian-hmm";

/** Any model that saves to a {@link ModelJson}: a regressor, a classifier, a stacked ensemble or a regime model. */
export type SavedModel = Regressor | Classifier | StackedEnsemble | GaussianHmm;

/**
 * Reads one `kind` of {@link ModelJson} back into a model.
 *
 * @example
 * ```ts
 * const codec: ModelCodec = { kind: "ridge-regression", fromJSON: (json) => RidgeRegression.fromJSON(json) };
 * ```
 */
export interface ModelCodec {
  readonly kind: string;
  fromJSON(json: ModelJson, codecs: readonly ModelCodec[]): SavedModel | Promise<SavedModel>;
}

/**
 * The codecs of every model of this layer.
 *
 * @example
 * ```ts
 * MODEL_CODECS.map((c) => c.kind).includes("random-forest-regressor"); // => true
 * ```
 */
export const MODEL_CODECS: readonly ModelCodec[] = Object.freeze([
  { kind: RandomForestRegressor.kind, fromJSON: (json: ModelJson) => RandomForestRegressor.fromJSON(json) },
  { kind: RandomForestClassifier.kind, fromJSON: (json: ModelJson) => RandomForestClassifier.fromJSON(json) },
  { kind: MlRandomForestRegressor.kind, fromJSON: (json: ModelJson) => MlRandomForestRegressor.fromJSON(json) },
  { kind: RidgeRegression.kind, fromJSON: (json: ModelJson) => RidgeRegression.fromJSON(json) },
  { kind: LogisticRegression.kind, fromJSON: (json: ModelJson) => LogisticRegression.fromJSON(json) },
  { kind: LstmForecaster.kind, fromJSON: (json: ModelJson) => LstmForecaster.fromJSON(json) },
  { kind: GaussianHmm.kind, fromJSON: (json: ModelJson) => GaussianHmm.fromJSON(json) },
  { kind: "last-value-baseline", fromJSON: (json: ModelJson) => new LastValueBaseline(String(json.params.feature)) },
  {
    kind: "historical-mean-baseline",
    fromJSON: async (json: ModelJson) => {
      // Refit from the saved means: one row per ticker, labelled with its mean.
      const byTicker = json.state.byTicker as Record<string, number>;
      const tickers = Object.keys(byTicker);
      const model = new HistoricalMeanBaseline(Boolean(json.params.perTicker));
      if (tickers.length > 0) {
        await model.fit({ names: [], columns: [], dates: tickers.map(() => json.trainingWindow.end), tickers }, Float64Array.from(tickers, (t) => byTicker[t]!));
      }
      return model;
    },
  },
  {
    kind: StackedEnsemble.kind,
    fromJSON: async (json: ModelJson, codecs: readonly ModelCodec[]) => {
      const st = json.state as { regressors: ModelJson[]; classifiers: ModelJson[]; metaRegressor: ModelJson; metaClassifier: ModelJson };
      const read = async (j: ModelJson) => modelFromJSON(j, codecs);
      return StackedEnsemble.fromParts(json, {
        regressors: (await Promise.all(st.regressors.map(read))) as Regressor[],
        classifiers: (await Promise.all(st.classifiers.map(read))) as Classifier[],
        metaRegressor: (await read(st.metaRegressor)) as Regressor,
        metaClassifier: (await read(st.metaClassifier)) as Classifier,
      });
    },
  },
]);

/**
 * A model from its JSON (as written by `toJSON`).
 *
 * @throws DataError BAD_MODEL_FILE when it is not a model file of this library;
 *   UNKNOWN_MODEL_KIND naming the kind and the known kinds.
 * @example
 * ```ts
 * const again = await modelFromJSON(rf.toJSON());
 * ```
 */
export async function modelFromJSON(json: ModelJson, codecs: readonly ModelCodec[] = MODEL_CODECS): Promise<SavedModel> {
  if (typeof json !== "object" || json === null || json.format !== "allocation-workbook/model" || !Array.isArray(json.featureNames) || typeof json.kind !== "string") {
    throw new DataError("BAD_MODEL_FILE", "modelFromJSON: not an allocation-workbook model (no format, kind or featureNames); save models with saveModel");
  }
  if (json.version !== 1) throw new DataError("BAD_MODEL_FILE", `modelFromJSON: model format version ${String(json.version)} is not supported (this library reads version 1)`);
  const codec = codecs.find((c) => c.kind === json.kind);
  if (codec === undefined) {
    throw new DataError("UNKNOWN_MODEL_KIND", `modelFromJSON: no reader for model kind ${json.kind}; known kinds: ${codecs.map((c) => c.kind).join(", ")}`, { kind: json.kind });
  }
  return codec.fromJSON(json, codecs);
}

/**
 * Writes a fitted model to a JSON file (creating the folder; written to a temporary file and
 * renamed, so a crash never leaves half a file). The file holds the model's kind, feature list,
 * training window, hyperparameters and state.
 *
 * @returns the number of bytes written.
 * @throws InputError NOT_FITTED (from `toJSON`).
 * @example
 * ```ts
 * await saveModel("build/models/growth-forest.json", rf); // => 412345
 * ```
 */
export async function saveModel(path: string, model: SavedModel): Promise<number> {
  const text = JSON.stringify(model.toJSON());
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
  return Buffer.byteLength(text);
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /** Refuse the file unless the model was trained on exactly these features (any order). */
  readonly features?: readonly string[];
  /** Readers by kind (default {@link MODEL_CODECS}). */
  readonly codecs?: readonly ModelCodec[];
}

/**
 * Reads a model written by {@link saveModel}. With `features`, refuses a model trained on another
 * feature list (a model scored on other features would silently mis-read its inputs).
 *
 * @throws DataError MODEL_FILE_UNREADABLE (missing file, not JSON), BAD_MODEL_FILE, UNKNOWN_MODEL_KIND;
 *   FeatureMismatchError naming the missing and unexpected features.
 * @example
 * ```ts
 * const rf = await loadModel("build/models/growth-forest.json", { features: frame.names });
 * ```
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<SavedModel> {
  let json: ModelJson;
  try {
    json = JSON.parse(await readFile(path, "utf8")) as ModelJson;
  } catch (e) {
    throw new DataError("MODEL_FILE_UNREADABLE", `loadModel: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; check the path or save the model again`, { path }, { cause: e });
  }
  if (options.features !== undefined && Array.isArray(json?.featureNames)) {
    const missing = json.featureNames.filter((n) => !options.features!.includes(n));
    const unexpected = options.features.filter((n) => !json.featureNames.includes(n));
    if (missing.length > 0 || unexpected.length > 0) {
      throw new FeatureMismatchError(`loadModel(${path})`, `the saved ${json.kind}`, missing, unexpected);
    }
  }
  return modelFromJSON(json, options.codecs ?? MODEL_CODECS);
}
