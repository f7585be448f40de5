/**
 * L2-penalised logistic regression: a linear classifier and the stacked ensemble's meta-classifier.
 */
import { InputError, NumericalError } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { checkTrainingData, columnsForModel, trainingWindowOf } from "../check-training-data";
import type { Classifier, FitOptions, ModelJson, TrainingWindow } from "../estimator";
import { checkBinaryLabels } from "../forest/random-forest-classifier";
import { solveSymmetric } from "./solve-symmetric";
import { fitStandardiser, standardise } from "./standardiser";

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Penalty `alpha/2 · ‖β‖²` on standardised coefficients, added to the summed log-loss (default 1, as scikit-learn's C = 1). */
  readonly alpha?: number;
  /** Newton iterations at most (default 100). */
  readonly maxIterations?: number;
}

interface LogisticState {
  readonly featureNames: readonly string[];
  readonly trainingWindow: TrainingWindow;
  readonly means: Float64Array;
  readonly sds: Float64Array;
  /** Intercept first, then one coefficient per standardised feature. */
  readonly beta: Float64Array;
}

const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) on
 * standardised features, intercept unpenalised. Deterministic.
 *
 * @example
 * ```ts
 * const logit = await new LogisticRegression().fit(frame, labels);
 * logit.predictProbability(frame)[0]; // => 0.58
 * ```
 */
export class LogisticRegression implements Classifier {
  readonly name: string = "logistic regression";
  readonly alpha: number;
  readonly maxIterations: number;
  private state: LogisticState | null = null;

  /** @throws InputError BAD_ARGUMENT for a negative or non-finite alpha or a bad iteration count. */
  constructor(options: LogisticRegressionOptions = {}) {
    const alpha = options.alpha ?? 1;
    if (!(alpha >= 0 && Number.isFinite(alpha))) throw new InputError("BAD_ARGUMENT", `LogisticRegression: alpha ${alpha} must be a finite number ≥ 0`);
    const maxIterations = options.maxIterations ?? 100;
    if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new InputError("BAD_ARGUMENT", `LogisticRegression: maxIterations ${maxIterations} must be an integer ≥ 1`);
    this.alpha = alpha;
    this.maxIterations = maxIterations;
  }

  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.trainingWindow ?? null;
  }

  /**
   * @throws InputError as `checkTrainingData`, BAD_LABEL, ONE_CLASS; NumericalError NOT_CONVERGED.
   * @example
   * ```ts
   * await new LogisticRegression({ alpha: 0.1 }).fit(frame, labels);
   * ```
   */
  async fit(x: FeatureFrame, labels: ArrayLike<number>, _options: FitOptions = {}): Promise<this> {
    checkTrainingData("LogisticRegression.fit", x, labels, 2);
    checkBinaryLabels("LogisticRegression.fit", labels);
    const n = x.dates.length;
    const k = x.names.length;
    const d = k + 1;
    const { means, sds } = fitStandardiser(x.columns);
    const z = standardise(x.columns, means, sds);
    const beta = new Float64Array(d);
    let converged = false;
    for (let iter = 0; iter < this.maxIterations && !converged; iter++) {
      const h = new Float64Array(d * d);
      const g = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        let t = beta[0]!;
        for (let j = 0; j < k; j++) t += beta[j + 1]! * z[i * k + j]!;
        const p = sigmoid(t);
        const w = Math.max(p * (1 - p), 1e-12);
        const r = labels[i]! - p;
        g[0]! += r;
        h[0]! += w;
        for (let a = 0; a < k; a++) {
          const za = z[i * k + a]!;
          g[a + 1]! += r * za;
          h[(a + 1) * d]! += w * za;
          for (let b = 0; b <= a; b++) h[(a + 1) * d + b + 1]! += w * za * z[i * k + b]!;
        }
      }
      for (let a = 1; a < d; a++) {
        g[a]! -= this.alpha * beta[a]!;
        h[a * d + a]! += this.alpha;
      }
      for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) h[b * d + a] = h[a * d + b]!;
      const step = solveSymmetric(h, g, "LogisticRegression.fit");
      let size = 0;
      for (let a = 0; a < d; a++) {
        beta[a]! += step[a]!;
        size = Math.max(size, Math.abs(step[a]!));
      }
      if (!Number.isFinite(size)) break;
      converged = size < 1e-9;
    }
    if (!converged) {
      throw new NumericalError("NOT_CONVERGED", `LogisticRegression.fit: Newton's method did not converge in ${this.maxIterations} iterations (the classes may be separable); increase alpha`);
    }
    this.state = { featureNames: [...x.names], trainingWindow: trainingWindowOf(x), means, sds, beta };
    return this;
  }

  /**
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * logit.predictProbability(frame)[0]; // => 0.58
   * ```
   */
  predictProbability(x: FeatureFrame): Float64Array {
    const s = this.fitted("predictProbability");
    const cols = columnsForModel("LogisticRegression.predictProbability", this.name, s.featureNames, x);
    const n = x.dates.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let t = s.beta[0]!;
      cols.forEach((c, j) => (t += (s.beta[j + 1]! * (c[i]! - s.means[j]!)) / s.sds[j]!));
      out[i] = sigmoid(t);
    }
    return out;
  }

  clone(): LogisticRegression {
    return new LogisticRegression({ alpha: this.alpha, maxIterations: this.maxIterations });
  }

  static readonly kind = "logistic-regression";

  toJSON(): ModelJson {
    const s = this.fitted("toJSON");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: LogisticRegression.kind,
      featureNames: s.featureNames,
      trainingWindow: s.trainingWindow,
      params: { alpha: this.alpha, maxIterations: this.maxIterations },
      state: { means: Array.from(s.means), sds: Array.from(s.sds), beta: Array.from(s.beta) },
    };
  }

  /**
   * @example
   * ```ts
   * LogisticRegression.fromJSON(logit.toJSON()).predictProbability(frame);
   * ```
   */
  static fromJSON(json: ModelJson): LogisticRegression {
    const model = new LogisticRegression({ alpha: Number(json.params.alpha), maxIterations: Number(json.params.maxIterations) });
    const st = json.state as { means: number[]; sds: number[]; beta: number[] };
    model.state = { featureNames: json.featureNames, trainingWindow: json.trainingWindow, means: Float64Array.from(st.means), sds: Float64Array.from(st.sds), beta: Float64Array.from(st.beta) };
    return model;
  }

  private fitted(what: string): LogisticState {
    if (this.state === null) throw new InputError("NOT_FITTED", `LogisticRegression.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}
