/**
 * Adam (Kingma & Ba, 2015) on one flat Float64Array of parameters, as TensorFlow.js's
 * `AdamOptimizer` computes it.
 */

/**
 * Adam's state for `size` parameters: first and second moments and the step count. Each `step`
 * does, elementwise, m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², then
 * p ← p − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε), the bias-corrected update of TensorFlow.js
 * (ε outside the square root, not rescaled).
 *
 * @example
 * ```ts
 * const adam = new Adam(2, { learningRate: 0.1 });
 * const p = Float64Array.of(1, 1);
 * adam.step(p, Float64Array.of(3, -0.5));
 * p; // => Float64Array [0.9, 1.1] (the first step moves each parameter by lr against its gradient's sign)
 * ```
 */
export class Adam {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private beta1Power = 1;
  private beta2Power = 1;

  /** Defaults as `tf.train.adam`: β₁ 0.9, β₂ 0.999, ε 1e-7. */
  constructor(size: number, options: { readonly learningRate: number; readonly beta1?: number; readonly beta2?: number; readonly epsilon?: number }) {
    this.learningRate = options.learningRate;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-7;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** One update of `params` in place from `gradient` (same length). */
  step(params: Float64Array, gradient: Float64Array): void {
    const { m, v, beta1: b1, beta2: b2, epsilon: eps } = this;
    this.beta1Power *= b1;
    this.beta2Power *= b2;
    const c1 = 1 / (1 - this.beta1Power);
    const c2 = 1 / (1 - this.beta2Power);
    const lr = this.learningRate;
    for (let i = 0; i < params.length; i++) {
      const g = gradient[i]!;
      const mi = b1 * m[i]! + (1 - b1) * g;
      const vi = b2 * v[i]! + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = params[i]! - (lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
    }
  }
}
