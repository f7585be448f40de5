/**
 * The random forest shared by the regressor and the classifier: options, training (in this thread
 * or in worker threads), prediction, impurity importance, and JSON state.
 */
import { availableParallelism } from "node:os";
import { InputError, DataError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { columnsForModel, trainingWindowOf } from "../check-training-data";
import type { FitOptions, TrainingWindow } from "../estimator";
import { decodeFloat64, decodeInt32, encodeArray } from "../typed-array-codec";
import { trainTrees, type ForestData, type ForestPlan } from "./forest-training";
import { predictTree, presort, treeImportance, type TreeArrays } from "./regression-tree";
import { trainTreesInWorkers } from "./train-trees-in-workers";

/**
 * Hyperparameters of {@link RandomForestRegressor} and {@link RandomForestClassifier}.
 *
 * @example
 * ```ts
 * const options: RandomForestOptions = { nTrees: 200, minSamplesLeaf: 10, seed: 7 };
 * ```
 */
export interface RandomForestOptions {
  /** Number of trees (default 100). */
  readonly nTrees?: number;
  /** Features tried at each split (default ⌊nFeatures / 3⌋ for regression, ⌊√nFeatures⌋ for classification, at least 1). */
  readonly maxFeatures?: number;
  /** Fewest distinct training rows in a leaf (default 5). */
  readonly minSamplesLeaf?: number;
  /** Fewest distinct rows in a node that may be split (default 2). */
  readonly minSamplesSplit?: number;
  /** Deepest level (default unlimited). */
  readonly maxDepth?: number;
  /** Bootstrap sample per tree (default true); false grows every tree on all rows. */
  readonly bootstrap?: boolean;
  /** Size of each bootstrap sample as a fraction of the rows (default 1). */
  readonly maxSamples?: number;
  /** Seed of the bootstrap samples and feature draws (default 0): the same seed gives the same forest. */
  readonly seed?: number;
  /**
   * Worker threads to grow trees on. Default: 2 (when the machine has 2 or more cores) for jobs of
   * at least 2 million row × feature × tree units (e.g. 100 trees on 1,000 × 20), else 1 (this
   * thread): a worker costs about 0.3 s to start. The forest is the same either way.
   */
  readonly workers?: number;
}

interface Resolved {
  readonly nTrees: number;
  readonly maxFeatures: number | null;
  readonly minSamplesLeaf: number;
  readonly minSamplesSplit: number;
  readonly maxDepth: number;
  readonly bootstrap: boolean;
  readonly maxSamples: number;
  readonly seed: number;
  readonly workers: number | null;
}

const WORKER_THRESHOLD = 2_000_000;

function positiveInteger(caller: string, name: string, v: number | undefined, fallback: number, min = 1): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < min) throw new InputError("BAD_ARGUMENT", `${caller}: ${name} ${v} must be an integer ≥ ${min}`, { [name]: v });
  return v;
}

/** Validates options into a resolved set (maxFeatures stays null until the data is seen). */
export function resolveForestOptions(caller: string, o: RandomForestOptions): Resolved {
  const maxDepth = o.maxDepth === undefined || o.maxDepth === Infinity ? Infinity : positiveInteger(caller, "maxDepth", o.maxDepth, 0, 1);
  if (o.maxSamples !== undefined && !(o.maxSamples > 0 && o.maxSamples <= 1)) {
    throw new InputError("BAD_ARGUMENT", `${caller}: maxSamples ${o.maxSamples} must be a fraction in (0, 1]`);
  }
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) throw new InputError("BAD_SEED", `${caller}: seed ${o.seed} must be a safe integer`);
  return {
    nTrees: positiveInteger(caller, "nTrees", o.nTrees, 100),
    maxFeatures: o.maxFeatures === undefined ? null : positiveInteger(caller, "maxFeatures", o.maxFeatures, 1),
    minSamplesLeaf: positiveInteger(caller, "minSamplesLeaf", o.minSamplesLeaf, 5),
    minSamplesSplit: positiveInteger(caller, "minSamplesSplit", o.minSamplesSplit, 2, 2),
    maxDepth,
    bootstrap: o.bootstrap ?? true,
    maxSamples: o.maxSamples ?? 1,
    seed: o.seed ?? 0,
    workers: o.workers === undefined ? null : positiveInteger(caller, "workers", o.workers, 1),
  };
}

/**
 * A fitted forest's state: trees, feature names, training window, importances.
 * @internal shared by the regressor and the classifier.
 */
export class ForestState {
  constructor(
    readonly featureNames: readonly string[],
    readonly trainingWindow: TrainingWindow,
    readonly trees: readonly TreeArrays[],
    readonly maxFeatures: number,
  ) {}

  /** Mean of the trees' predictions per row. */
  predict(caller: string, modelName: string, x: FeatureFrame): Float64Array {
    const columns = columnsForModel(caller, modelName, this.featureNames, x);
    const n = x.dates.length;
    const out = new Float64Array(n);
    for (const tree of this.trees) for (let i = 0; i < n; i++) out[i]! += predictTree(tree, columns, i);
    for (let i = 0; i < n; i++) out[i]! /= this.trees.length;
    return out;
  }

  /** Mean of the trees' normalised impurity importances, renormalised to sum to 1. */
  importance(): LabelledVector {
    const k = this.featureNames.length;
    const total = new Float64Array(k);
    for (const tree of this.trees) {
      const imp = treeImportance(tree, k);
      for (let f = 0; f < k; f++) total[f]! += imp[f]!;
    }
    const sum = total.reduce((a, v) => a + v, 0);
    if (sum > 0) for (let f = 0; f < k; f++) total[f]! /= sum;
    return { labels: [...this.featureNames], values: total };
  }

  toState(): Record<string, unknown> {
    return {
      maxFeatures: this.maxFeatures,
      trees: this.trees.map((t) => ({
        feature: encodeArray(t.feature),
        threshold: encodeArray(t.threshold),
        left: encodeArray(t.left),
        right: encodeArray(t.right),
        value: encodeArray(t.value),
        weight: encodeArray(t.weight),
        impurity: encodeArray(t.impurity),
      })),
    };
  }

  static fromState(featureNames: readonly string[], trainingWindow: TrainingWindow, state: Readonly<Record<string, unknown>>): ForestState {
    const trees = state.trees;
    if (!Array.isArray(trees)) throw new DataError("BAD_MODEL_FILE", "random forest model file: state.trees is not a list; the file is not a saved forest");
    const decoded = trees.map((t: Record<string, string>, i: number) => {
      const tree: TreeArrays = {
        feature: decodeInt32(t.feature ?? "", `tree ${i} feature`),
        threshold: decodeFloat64(t.threshold ?? "", `tree ${i} threshold`),
        left: decodeInt32(t.left ?? "", `tree ${i} left`),
        right: decodeInt32(t.right ?? "", `tree ${i} right`),
        value: decodeFloat64(t.value ?? "", `tree ${i} value`),
        weight: decodeFloat64(t.weight ?? "", `tree ${i} weight`),
        impurity: decodeFloat64(t.impurity ?? "", `tree ${i} impurity`),
      };
      const n = tree.value.length;
      if (n === 0 || [tree.feature, tree.threshold, tree.left, tree.right, tree.weight, tree.impurity].some((a) => a.length !== n)) {
        throw new DataError("BAD_MODEL_FILE", `random forest model file: tree ${i} has arrays of different lengths; the file is damaged`);
      }
      for (let node = 0; node < n; node++) {
        const l = tree.left[node]!;
        if (l >= n || tree.right[node]! >= n || (l >= 0 && (tree.feature[node]! < 0 || tree.feature[node]! >= featureNames.length))) {
          throw new DataError("BAD_MODEL_FILE", `random forest model file: tree ${i} node ${node} points outside the tree or the feature list; the file is damaged`);
        }
      }
      return tree;
    });
    return new ForestState(featureNames, trainingWindow, decoded, Number(state.maxFeatures));
  }
}

/**
 * Fits a forest on checked data (labels already validated by the caller).
 * @internal
 */
export async function fitForest(
  modelName: string,
  options: Resolved,
  defaultMaxFeatures: (nFeatures: number) => number,
  x: FeatureFrame,
  y: ArrayLike<number>,
  fit: FitOptions,
): Promise<ForestState> {
  const nFeatures = x.names.length;
  const maxFeatures = options.maxFeatures ?? Math.max(1, defaultMaxFeatures(nFeatures));
  if (maxFeatures > nFeatures) {
    throw new InputError("BAD_ARGUMENT", `${modelName}: maxFeatures ${maxFeatures} exceeds the ${nFeatures} features; pass at most ${nFeatures}`, { maxFeatures, nFeatures });
  }
  const columns = x.columns.map((c) => Float64Array.from(c));
  const data: ForestData = { columns, y: Float64Array.from(y), order: presort(columns) };
  const plan: ForestPlan = {
    limits: { maxDepth: options.maxDepth, minSamplesLeaf: options.minSamplesLeaf, minSamplesSplit: options.minSamplesSplit, maxFeatures },
    seed: options.seed,
    bootstrap: options.bootstrap,
    maxSamples: options.maxSamples,
  };
  const cores = availableParallelism();
  const workers = options.workers ?? (cores >= 2 && options.nTrees * x.dates.length * nFeatures >= WORKER_THRESHOLD ? 2 : 1);
  const started = Date.now();
  let built = 0;
  const onTree = (): void => {
    built++;
    fit.onProgress?.({ model: modelName, unit: "trees", done: built, total: options.nTrees, elapsedMs: Date.now() - started });
  };
  const trees =
    workers > 1 && options.nTrees > 1
      ? await trainTreesInWorkers(data, plan, options.nTrees, Math.min(workers, options.nTrees), onTree)
      : trainTrees(data, plan, Array.from({ length: options.nTrees }, (_, t) => t), onTree);
  return new ForestState([...x.names], trainingWindowOf(x), trees, maxFeatures);
}

/** The public view of resolved options, for JSON. */
export function forestParams(o: Resolved): Record<string, unknown> {
  return {
    nTrees: o.nTrees,
    maxFeatures: o.maxFeatures,
    minSamplesLeaf: o.minSamplesLeaf,
    minSamplesSplit: o.minSamplesSplit,
    maxDepth: o.maxDepth === Infinity ? null : o.maxDepth,
    bootstrap: o.bootstrap,
    maxSamples: o.maxSamples,
    seed: o.seed,
    workers: o.workers,
  };
}

/** Options back from {@link forestParams}' JSON. */
export function forestOptionsFromParams(p: Readonly<Record<string, unknown>>): RandomForestOptions {
  const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
  return {
    nTrees: num(p.nTrees),
    maxFeatures: num(p.maxFeatures),
    minSamplesLeaf: num(p.minSamplesLeaf),
    minSamplesSplit: num(p.minSamplesSplit),
    maxDepth: num(p.maxDepth),
    bootstrap: typeof p.bootstrap === "boolean" ? p.bootstrap : undefined,
    maxSamples: num(p.maxSamples),
    seed: num(p.seed),
    workers: num(p.workers),
  };
}
