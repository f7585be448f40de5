/**
 * Our LSTM engine: forward pass, backpropagation through time and Adam on Float64Arrays, with
 * no per-operation overhead (the arithmetic of a small LSTM is a few million multiply-adds per
 * batch, which TensorFlow.js spreads over thousands of tiny kernel calls).
 */
import { InputError } from "../../core/index";
import { Adam } from "./adam";
import { sigmoidInPlace, tanhInPlace } from "./gate-activations";
import type { LstmArchitecture, LstmEngine, LstmEpochOptions, LstmNetwork, LstmWeight } from "./lstm-engine";
import { checkLstmWeights, lstmWeightShapes } from "./lstm-weights";
import { multiplyAdd } from "./multiply-add";

/** Where one layer's numbers live: sizes and offsets into the flat parameter array. */
interface Layer {
  /** Input width (the inputs for layer 0, the previous layer's units after). */
  readonly input: number;
  readonly units: number;
  /** input + units: the width of [xₜ, hₜ₋₁]. */
  readonly width: number;
  /** 4 · units: the gate pre-activations i, f, c, o. */
  readonly gates: number;
  /** Offset of the kernel, directly followed by the recurrent kernel: together a [width, gates] matrix. */
  readonly kernel: number;
  /** Offset of the bias [gates]. */
  readonly bias: number;
}

/** Per-layer buffers of one batch, kept for the backward pass (row r = t · rows + b). */
interface Buffers {
  /** [xₜ, hₜ₋₁] per (t, b): T · rows × width. */
  readonly xh: Float64Array;
  /** Gate activations i, f, g, o per (t, b): T · rows × gates. */
  readonly act: Float64Array;
  /** Cell state cₜ: T · rows × units. */
  readonly c: Float64Array;
  /** tanh(cₜ): T · rows × units. */
  readonly tc: Float64Array;
  /** Gradient of the loss with respect to the gate pre-activations: T · rows × gates. */
  readonly dz: Float64Array;
  /** Gradient with respect to this layer's hidden states from the layer above: T · rows × units. */
  readonly dAbove: Float64Array;
  /** The transposed kernels [W; U]ᵀ: gates × width. */
  readonly kernelT: Float64Array;
  /** The bias repeated for each row: rows × gates, where each step's products start. */
  readonly biasRows: Float64Array;
}

/**
 * An LSTM network on typed arrays (float64 throughout): see {@link typedArrayLstmEngine}.
 * Also exposes the loss and its gradient over one batch, for tests and gradient checks.
 *
 * @example
 * ```ts
 * const net = new TypedArrayLstm(architecture, initialLstmWeights(architecture, 1));
 * const gradient = new Float64Array(net.parameterCount);
 * net.lossAndGradient(x, y, gradient); // => the batch's mean squared error; gradient filled
 * ```
 */
export class TypedArrayLstm implements LstmNetwork {
  readonly backend: string = "typed-arrays";
  /** Number of parameters: the weights of {@link lstmWeightShapes} concatenated. */
  readonly parameterCount: number;
  private readonly seq: number;
  private readonly inputWidth: number;
  private readonly layers: readonly Layer[];
  private readonly head: number;
  private readonly params: Float64Array;
  private readonly grad: Float64Array;
  private adam: Adam | null = null;
  private capacity = 0;
  private buffers: Buffers[] = [];
  private dhRec = new Float64Array(0);
  private dcRec = new Float64Array(0);
  private final = new Float64Array(0);
  private dFinal = new Float64Array(0);
  private output = new Float64Array(0);

  /**
   * @param weights in the order and layout of `lstmWeightShapes` (copied).
   * @throws DataError BAD_MODEL_FILE when they do not fit the architecture.
   */
  constructor(private readonly architecture: LstmArchitecture, weights: readonly LstmWeight[]) {
    checkLstmWeights(architecture, weights);
    this.seq = architecture.sequenceLength;
    this.inputWidth = architecture.inputWidth;
    let offset = 0;
    let input = architecture.inputWidth;
    this.layers = architecture.units.map((units) => {
      const width = input + units;
      const gates = 4 * units;
      const layer: Layer = { input, units, width, gates, kernel: offset, bias: offset + width * gates };
      offset += width * gates + gates;
      input = units;
      return layer;
    });
    this.head = offset;
    this.parameterCount = offset + input + 1;
    this.params = new Float64Array(this.parameterCount);
    let at = 0;
    for (const w of weights) {
      this.params.set(w.values, at);
      at += w.values.length;
    }
    this.grad = new Float64Array(this.parameterCount);
  }

  /** A copy of the parameters, flat (the weights concatenated). */
  get parameters(): Float64Array {
    return this.params.slice();
  }

  /** Replaces the parameters (flat, length `parameterCount`). */
  setParameters(values: ArrayLike<number>): void {
    if (values.length !== this.parameterCount) throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.setParameters: ${values.length} values for ${this.parameterCount} parameters`);
    this.params.set(values);
  }

  weights(): LstmWeight[] {
    let at = 0;
    return lstmWeightShapes(this.architecture).map(({ name, shape }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = this.params.slice(at, at + size);
      at += size;
      return { name, shape: [...shape], values };
    });
  }

  async trainEpoch(x: Float64Array, y: Float64Array, options: LstmEpochOptions): Promise<number> {
    const n = this.rowsOf(x, "trainEpoch");
    if (y.length !== n || n === 0) throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.trainEpoch: ${y.length} labels for ${n} windows; pass one label per window, at least one`);
    if (this.adam === null) this.adam = new Adam(this.parameterCount, { learningRate: options.learningRate });
    else if (this.adam.learningRate !== options.learningRate) {
      throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.trainEpoch: learning rate ${options.learningRate} after ${this.adam.learningRate}; Adam keeps the rate of the first epoch`);
    }
    const per = this.seq * this.inputWidth;
    let total = 0;
    for (let start = 0; start < n; start += options.batchSize) {
      const rows = Math.min(options.batchSize, n - start);
      const loss = this.lossAndGradient(x.subarray(start * per, (start + rows) * per), y.subarray(start, start + rows), this.grad);
      this.adam.step(this.params, this.grad);
      total += loss * rows;
    }
    return total / n;
  }

  predict(x: Float64Array): Float64Array {
    const n = this.rowsOf(x, "predict");
    const out = new Float64Array(n);
    this.inChunks(x, n, (from, rows) => out.set(this.output.subarray(0, rows), from));
    return out;
  }

  embedding(x: Float64Array): Float64Array {
    const n = this.rowsOf(x, "embedding");
    const u = this.layers[this.layers.length - 1]!.units;
    const out = new Float64Array(n * u);
    this.inChunks(x, n, (from, rows) => out.set(this.final.subarray(0, rows * u), from * u));
    return out;
  }

  dispose(): void {
    this.buffers = [];
    this.capacity = 0;
  }

  /**
   * The mean squared error of one batch and its gradient with respect to every parameter
   * (backpropagation through time), written into `gradient` (length `parameterCount`, in the
   * order of `parameters`).
   *
   * @param x the batch's windows, rows × sequenceLength × inputWidth.
   * @param y one label per row.
   * @throws InputError BAD_ARGUMENT when the sizes do not match.
   */
  lossAndGradient(x: Float64Array, y: ArrayLike<number>, gradient: Float64Array): number {
    const rows = y.length;
    if (this.rowsOf(x, "lossAndGradient") !== rows || rows === 0 || gradient.length !== this.parameterCount) {
      throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.lossAndGradient: ${x.length} inputs, ${rows} labels and a gradient of ${gradient.length} for ${this.parameterCount} parameters; pass one window per label`);
    }
    this.forward(x, rows);
    gradient.fill(0);
    const L = this.layers.length;
    const u = this.layers[L - 1]!.units;
    const p = this.params;
    const h = this.head;
    let loss = 0;
    for (let b = 0; b < rows; b++) {
      const e = this.output[b]! - y[b]!;
      loss += e * e;
      const d = (2 * e) / rows;
      for (let q = 0; q < u; q++) {
        gradient[h + q] += this.final[b * u + q]! * d;
        this.dFinal[b * u + q] = p[h + q]! * d;
      }
      gradient[h + u] += d;
    }
    for (let l = L - 1; l >= 0; l--) this.backwardLayer(l, rows, gradient);
    return loss / rows;
  }

  private rowsOf(x: Float64Array, what: string): number {
    const per = this.seq * this.inputWidth;
    if (x.length % per !== 0) throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.${what}: ${x.length} inputs is not a whole number of windows of ${this.seq} × ${this.inputWidth}`);
    return x.length / per;
  }

  private inChunks(x: Float64Array, n: number, take: (from: number, rows: number) => void): void {
    const per = this.seq * this.inputWidth;
    const chunk = Math.max(this.capacity, 256);
    for (let from = 0; from < n; from += chunk) {
      const rows = Math.min(chunk, n - from);
      this.forward(x.subarray(from * per, (from + rows) * per), rows);
      take(from, rows);
    }
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const T = this.seq;
    this.buffers = this.layers.map((l) => ({
      xh: new Float64Array(T * rows * l.width),
      act: new Float64Array(T * rows * l.gates),
      c: new Float64Array(T * rows * l.units),
      tc: new Float64Array(T * rows * l.units),
      dz: new Float64Array(T * rows * l.gates),
      dAbove: new Float64Array(T * rows * l.units),
      kernelT: new Float64Array(l.gates * l.width),
      biasRows: new Float64Array(rows * l.gates),
    }));
    const widest = Math.max(...this.layers.map((l) => l.units));
    const u = this.layers[this.layers.length - 1]!.units;
    this.dhRec = new Float64Array(rows * widest);
    this.dcRec = new Float64Array(rows * widest);
    this.final = new Float64Array(rows * u);
    this.dFinal = new Float64Array(rows * u);
    this.output = new Float64Array(rows);
    this.capacity = rows;
  }

  /** Forward pass of `rows` windows: fills the buffers, `final` (last hidden state) and `output`. */
  private forward(x: Float64Array, rows: number): void {
    this.ensureCapacity(rows);
    const T = this.seq;
    const w = this.inputWidth;
    const first = this.buffers[0]!;
    const K0 = this.layers[0]!.width;
    // Layer 0's [xₜ, hₜ₋₁] rows: inputs, and h₋₁ = 0.
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < rows; b++) {
        const r = (t * rows + b) * K0;
        for (let k = 0; k < w; k++) first.xh[r + k] = x[(b * T + t) * w + k]!;
        if (t === 0) first.xh.fill(0, r + w, r + K0);
      }
    }
    const L = this.layers.length;
    for (let l = 0; l < L; l++) {
      const next = l + 1 < L ? this.buffers[l + 1]! : null;
      if (next !== null) {
        const nl = this.layers[l + 1]!;
        for (let b = 0; b < rows; b++) next.xh.fill(0, b * nl.width + nl.input, (b + 1) * nl.width);
      }
      const { gates, bias } = this.layers[l]!;
      const biasRows = this.buffers[l]!.biasRows;
      for (let b = 0; b < rows; b++) biasRows.set(this.params.subarray(bias, bias + gates), b * gates);
      for (let t = 0; t < T; t++) this.forwardStep(l, t, rows, next);
    }
    const u = this.layers[L - 1]!.units;
    const p = this.params;
    const h = this.head;
    for (let b = 0; b < rows; b++) {
      let s = p[h + u]!;
      for (let q = 0; q < u; q++) s += this.final[b * u + q]! * p[h + q]!;
      this.output[b] = s;
    }
  }

  /** One time step of one layer over the batch: z = [xₜ, hₜ₋₁] · [W; U] + bias, then the gates. */
  private forwardStep(l: number, t: number, rows: number, next: Buffers | null): void {
    const layer = this.layers[l]!;
    const { xh, act, c, tc, biasRows } = this.buffers[l]!;
    const p = this.params;
    const K = layer.width;
    const G = layer.gates;
    const u = layer.units;
    const inW = layer.input;
    const W = layer.kernel;
    const T = this.seq;
    const nextWidth = next === null ? 0 : this.layers[l + 1]!.width;
    const final = this.final;
    const r0 = t * rows;
    act.set(biasRows.subarray(0, rows * G), r0 * G);
    multiplyAdd(rows, K, G, xh, r0 * K, K, 1, p, W, G, act, r0 * G, G);
    // One sigmoid over the step's block, the cell input's through tanh(z) = 2σ(2z) − 1.
    for (let b = 0; b < rows; b++) {
      const zg = (r0 + b) * G + 2 * u;
      for (let q = 0; q < u; q++) act[zg + q] = 2 * act[zg + q]!;
    }
    sigmoidInPlace(act, r0 * G, (r0 + rows) * G);
    for (let b = 0; b < rows; b++) {
      const r = r0 + b;
      const zr = r * G;
      const cr = r * u;
      const prev = cr - rows * u;
      for (let q = 0; q < u; q++) {
        const g = 2 * act[zr + 2 * u + q]! - 1;
        act[zr + 2 * u + q] = g;
        const cc = act[zr + q]! * g;
        c[cr + q] = t > 0 ? act[zr + u + q]! * c[prev + q]! + cc : cc;
      }
    }
    tc.set(c.subarray(r0 * u, (r0 + rows) * u), r0 * u);
    tanhInPlace(tc, r0 * u, (r0 + rows) * u);
    for (let b = 0; b < rows; b++) {
      const r = r0 + b;
      const zr = r * G;
      const cr = r * u;
      for (let q = 0; q < u; q++) {
        const hv = act[zr + 3 * u + q]! * tc[cr + q]!;
        if (t + 1 < T) xh[(r + rows) * K + inW + q] = hv;
        if (next !== null) next.xh[r * nextWidth + q] = hv;
        else if (t === T - 1) final[b * u + q] = hv;
      }
    }
  }

  /** Backpropagation through time for one layer, top layer first; accumulates into `gradient`. */
  private backwardLayer(l: number, rows: number, gradient: Float64Array): void {
    const layer = this.layers[l]!;
    const { xh, act, c, tc, dz, dAbove, kernelT } = this.buffers[l]!;
    const below = l > 0 ? this.buffers[l - 1]!.dAbove : null;
    const top = l === this.layers.length - 1;
    const p = this.params;
    const K = layer.width;
    const G = layer.gates;
    const u = layer.units;
    const inW = layer.input;
    const W = layer.kernel;
    const T = this.seq;
    const dhRec = this.dhRec;
    const dcRec = this.dcRec;
    const dFinal = this.dFinal;
    // [W; U]ᵀ, G × K, so that d[xₜ, hₜ₋₁] = dz · [W; U]ᵀ is a product with contiguous rows.
    for (let k = 0; k < K; k++) for (let j = 0; j < G; j++) kernelT[j * K + k] = p[W + k * G + j]!;
    dhRec.fill(0, 0, rows * u);
    dcRec.fill(0, 0, rows * u);
    for (let t = T - 1; t >= 0; t--) {
      const r0 = t * rows;
      for (let b = 0; b < rows; b++) {
        const r = r0 + b;
        const zr = r * G;
        const cr = r * u;
        const prev = cr - rows * u;
        const hr = b * u;
        for (let q = 0; q < u; q++) {
          let dh = dhRec[hr + q]!;
          if (!top) dh += dAbove[cr + q]!;
          else if (t === T - 1) dh += dFinal[hr + q]!;
          const i = act[zr + q]!;
          const f = act[zr + u + q]!;
          const g = act[zr + 2 * u + q]!;
          const o = act[zr + 3 * u + q]!;
          const th = tc[cr + q]!;
          const dc = dcRec[hr + q]! + dh * o * (1 - th * th);
          const cPrev = t > 0 ? c[prev + q]! : 0;
          dcRec[hr + q] = dc * f;
          dz[zr + q] = dc * g * i * (1 - i);
          dz[zr + u + q] = dc * cPrev * f * (1 - f);
          dz[zr + 2 * u + q] = dc * i * (1 - g * g);
          dz[zr + 3 * u + q] = dh * th * o * (1 - o);
        }
      }
      // The gradient with respect to hₜ₋₁ (for the step before) and, above layer 0, to the layer's inputs xₜ.
      if (t > 0) {
        dhRec.fill(0, 0, rows * u);
        multiplyAdd(rows, G, u, dz, r0 * G, G, 1, kernelT, inW, K, dhRec, 0, u);
      }
      if (below !== null) {
        below.fill(0, r0 * inW, (r0 + rows) * inW);
        multiplyAdd(rows, G, inW, dz, r0 * G, G, 1, kernelT, 0, K, below, r0 * inW, inW);
      }
    }
    // Weight gradients: [W; U] += Σᵣ [xₜ, hₜ₋₁]ᵣᵀ dzᵣ, bias += Σᵣ dzᵣ over the rows r = (t, b).
    const n = T * rows;
    multiplyAdd(K, n, G, xh, 0, 1, K, dz, 0, G, gradient, W, G);
    const B = layer.bias;
    for (let r = 0; r < n; r++) for (let j = 0; j < G; j++) gradient[B + j] += dz[r * G + j]!;
  }
}

/**
 * Our LSTM engine (the default of `LstmForecaster`): plain loops over Float64Arrays, per time
 * step a batched product [xₜ, hₜ₋₁] · [W; U] with the inner loop over contiguous memory, and
 * backpropagation through time. Same model, weight layout and update as the TensorFlow.js engine
 * (sigmoid gates, tanh, Adam as `tf.train.adam`); deterministic, no native code, nothing to load.
 *
 * @example
 * ```ts
 * const lstm = new LstmForecaster({ engine: typedArrayLstmEngine, seed: 7 });
 * await lstm.fit(windows, y);
 * lstm.backend; // => "typed-arrays"
 * ```
 */
export const typedArrayLstmEngine: LstmEngine = Object.freeze({
  name: "typed-arrays",
  create: async (architecture: LstmArchitecture, weights: readonly LstmWeight[]): Promise<LstmNetwork> => new TypedArrayLstm(architecture, weights),
});
