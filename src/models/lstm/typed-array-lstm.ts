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
import { TransposedProductMemory } from "./transposed-product-kernel";

/** Where one layer's numbers live: sizes and offsets into the flat parameter array. */
interface Layer {
  /** Input width (the inputs for layer 0, the previous layer's units after). */
  readonly input: number;
  readonly units: number;
  /** input + units: the width of [xₜ, hₜ₋₁]. */
  readonly width: number;
  /** 4 · units: the gate pre-activations i, f, c, o. */
  readonly gates: number;
  /** Offset of the kernel W [input, gates], directly followed by the recurrent kernel U [units, gates]. */
  readonly kernel: number;
  /** Offset of the bias [gates]. */
  readonly bias: number;
}

/**
 * Per-layer buffers of one batch: offsets into the working memory, rows time-major (row r = t · rows + b, so that
 * one time step is a contiguous block of rows), n = T · rows.
 */
interface Buffers {
  /** Layer 0's inputs xₜ, n × input: the windows reordered time-major (above layer 0: −1, see `inputsOf`). */
  readonly x: number;
  /** Layer 0's xᵀ, input × n, for the kernel's gradient (above layer 0: −1). */
  readonly xT: number;
  /** Hidden states h₋₁ = 0, h₀ … h_{T−1}: (T + 1) · rows × units. */
  readonly h: number;
  /** hᵀ: units × (T + 1) · rows. */
  readonly hT: number;
  /** Gate pre-activations, then activations i, f, g, o: n × gates. */
  readonly act: number;
  /** Cell state cₜ: n × units. */
  readonly c: number;
  /** tanh(cₜ): n × units. */
  readonly tc: number;
  /** Gradient of the loss with respect to the gate pre-activations: n × gates. */
  readonly dz: number;
  /** Its transpose: gates × n. */
  readonly dzT: number;
  /** Gradient with respect to this layer's hidden states from the layer above: n × units. */
  readonly dAbove: number;
  /** The transposed kernels [W; U]ᵀ: gates × width (Wᵀ in the first `input` columns). */
  readonly kernelT: number;
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
  /** Working memory: the parameters at 0, their gradient at `gradAt`, then the batch's buffers. */
  private readonly work: TransposedProductMemory;
  private readonly gradAt: number;
  private params: Float64Array;
  private grad: Float64Array;
  private adam: Adam | null = null;
  private capacity = 0;
  private buffers: Buffers[] = [];
  /** Offsets of the recurrent gradients dL/dhₜ₋₁ and dL/dcₜ₋₁ (rows × widest units). */
  private dhRec = 0;
  private dcRec = 0;
  private dFinal = new Float64Array(0);
  private output = new Float64Array(0);

  /**
   * @param weights in the order and layout of `lstmWeightShapes` (copied).
   * @param simd `false` to run the products in JavaScript even where WebAssembly SIMD runs (same results).
   * @throws DataError BAD_MODEL_FILE when they do not fit the architecture.
   */
  constructor(private readonly architecture: LstmArchitecture, weights: readonly LstmWeight[], simd = true) {
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
    this.gradAt = even(this.parameterCount);
    this.work = new TransposedProductMemory(2 * this.gradAt, simd);
    this.params = this.work.mem.subarray(0, this.parameterCount);
    this.grad = this.work.mem.subarray(this.gradAt, this.gradAt + this.parameterCount);
    let at = 0;
    for (const w of weights) {
      this.params.set(w.values, at);
      at += w.values.length;
    }
  }

  /** Whether the products run on WebAssembly SIMD (else JavaScript; the results are the same). */
  get simd(): boolean {
    return this.work.simd;
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
      const loss = this.backpropagate(x.subarray(start * per, (start + rows) * per), y.subarray(start, start + rows));
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
    this.inChunks(x, n, (from, rows) => out.set(this.finalStates(rows), from * u));
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
    const loss = this.backpropagate(x, y);
    gradient.set(this.grad);
    return loss;
  }

  /** {@link TypedArrayLstm.lossAndGradient} into the working memory's gradient. */
  private backpropagate(x: Float64Array, y: ArrayLike<number>): number {
    const rows = y.length;
    this.forward(x, rows);
    const grad = this.grad;
    grad.fill(0);
    const L = this.layers.length;
    const u = this.layers[L - 1]!.units;
    const p = this.params;
    const h = this.head;
    const final = this.finalStates(rows);
    let loss = 0;
    for (let b = 0; b < rows; b++) {
      const e = this.output[b]! - y[b]!;
      loss += e * e;
      const d = (2 * e) / rows;
      for (let q = 0; q < u; q++) {
        grad[h + q] += final[b * u + q]! * d;
        this.dFinal[b * u + q] = p[h + q]! * d;
      }
      grad[h + u] += d;
    }
    this.transposeStates(rows);
    for (let l = L - 1; l >= 0; l--) this.backwardLayer(l, rows);
    return loss / rows;
  }

  private rowsOf(x: Float64Array, what: string): number {
    const per = this.seq * this.inputWidth;
    if (x.length % per !== 0) throw new InputError("BAD_ARGUMENT", `TypedArrayLstm.${what}: ${x.length} inputs is not a whole number of windows of ${this.seq} × ${this.inputWidth}`);
    return x.length / per;
  }

  /** The last layer's final hidden states of the last forward pass, rows × units (a view). */
  private finalStates(rows: number): Float64Array {
    const { units } = this.layers[this.layers.length - 1]!;
    const at = this.buffers[this.layers.length - 1]!.h + this.seq * rows * units;
    return this.work.mem.subarray(at, at + rows * units);
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

  /**
   * Lays out the buffers for batches of up to `rows` windows in the working memory. The layout depends on the
   * capacity, so every buffer is laid out anew (the parameters and gradient stay at the front).
   */
  private ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const T = this.seq;
    const n = T * rows;
    let at = 2 * this.gradAt;
    const take = (size: number): number => {
      const start = at;
      at += even(size);
      return start;
    };
    const buffers = this.layers.map(
      (l, i): Buffers => ({
        x: i === 0 ? take(n * l.input) : -1,
        xT: i === 0 ? take(n * l.input) : -1,
        h: take((T + 1) * rows * l.units),
        hT: take((T + 1) * rows * l.units),
        act: take(n * l.gates),
        c: take(n * l.units),
        tc: take(n * l.units),
        dz: take(n * l.gates),
        dzT: take(n * l.gates),
        dAbove: take(n * l.units),
        kernelT: take(l.gates * l.width),
      }),
    );
    const widest = Math.max(...this.layers.map((l) => l.units));
    this.dhRec = take(rows * widest);
    this.dcRec = take(rows * widest);
    this.work.ensure(at);
    this.params = this.work.mem.subarray(0, this.parameterCount);
    this.grad = this.work.mem.subarray(this.gradAt, this.gradAt + this.parameterCount);
    this.buffers = buffers;
    const u = this.layers[this.layers.length - 1]!.units;
    this.dFinal = new Float64Array(rows * u);
    this.output = new Float64Array(rows);
    this.capacity = rows;
  }

  /** Forward pass of `rows` windows: fills the buffers and `output`. */
  private forward(x: Float64Array, rows: number): void {
    this.ensureCapacity(rows);
    const T = this.seq;
    const w = this.inputWidth;
    const mem = this.work.mem;
    // Layer 0's inputs, time-major: row t · rows + b is window b's step t.
    const x0 = this.buffers[0]!.x;
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < rows; b++) {
        const r = x0 + (t * rows + b) * w;
        const from = (b * T + t) * w;
        for (let k = 0; k < w; k++) mem[r + k] = x[from + k]!;
      }
    }
    const L = this.layers.length;
    for (let l = 0; l < L; l++) this.forwardLayer(l, rows);
    const u = this.layers[L - 1]!.units;
    const final = this.finalStates(rows);
    const p = this.params;
    const h = this.head;
    for (let b = 0; b < rows; b++) {
      let s = p[h + u]!;
      for (let q = 0; q < u; q++) s += final[b * u + q]! * p[h + q]!;
      this.output[b] = s;
    }
  }

  /**
   * One layer over all time steps: the input projections of every step at once, z = bias + x · W, then per step
   * z += hₜ₋₁ · U and the gates.
   */
  private forwardLayer(l: number, rows: number): void {
    const layer = this.layers[l]!;
    const bf = this.buffers[l]!;
    const mem = this.work.mem;
    const { input: inW, units: u, width: K, gates: G, kernel: W, bias } = layer;
    const T = this.seq;
    const n = T * rows;
    // [W; U]ᵀ, G × K, so that both operands of each product are read along rows.
    for (let k = 0; k < K; k++) for (let j = 0; j < G; j++) mem[bf.kernelT + j * K + k] = mem[W + k * G + j]!;
    for (let r = 0; r < n; r++) mem.copyWithin(bf.act + r * G, bias, bias + G);
    const inputs = this.inputsOf(l, rows);
    this.work.multiplyAdd(n, G, inW, inputs.x, inW, bf.kernelT, K, bf.act, G);
    mem.fill(0, bf.h, bf.h + rows * u);
    for (let t = 0; t < T; t++) {
      if (t > 0) this.work.multiplyAdd(rows, G, u, bf.h + t * rows * u, u, bf.kernelT + inW, K, bf.act + t * rows * G, G);
      this.gates(layer, bf, t, rows);
    }
  }

  /**
   * The gates of one time step from their pre-activations: i, f, o = σ(z), g = tanh(z) (kept for the backward
   * pass), cₜ = f ⊙ cₜ₋₁ + i ⊙ g, tanh(cₜ), hₜ = o ⊙ tanh(cₜ). The activations run as calls over ranges, which V8
   * compiles with the exponential inlined (a call per entry to another module's function is not inlined).
   */
  private gates(layer: Layer, bf: Buffers, t: number, rows: number): void {
    const mem = this.work.mem;
    const { units: u, gates: G } = layer;
    const r0 = t * rows;
    for (let b = 0; b < rows; b++) {
      const zr = bf.act + (r0 + b) * G;
      const cr = bf.c + (r0 + b) * u;
      const tr = bf.tc + (r0 + b) * u;
      sigmoidInPlace(mem, zr, zr + 2 * u);
      tanhInPlace(mem, zr + 2 * u, zr + 3 * u);
      sigmoidInPlace(mem, zr + 3 * u, zr + G);
      for (let q = 0; q < u; q++) {
        const ig = mem[zr + q]! * mem[zr + 2 * u + q]!;
        const cc = t > 0 ? mem[zr + u + q]! * mem[cr - rows * u + q]! + ig : ig;
        mem[cr + q] = cc;
        mem[tr + q] = cc;
      }
    }
    tanhInPlace(mem, bf.tc + r0 * u, bf.tc + (r0 + rows) * u);
    const hNext = bf.h + (r0 + rows) * u;
    for (let b = 0; b < rows; b++) {
      const zo = bf.act + (r0 + b) * G + 3 * u;
      const tr = bf.tc + (r0 + b) * u;
      const hr = hNext + b * u;
      for (let q = 0; q < u; q++) mem[hr + q] = mem[zo + q]! * mem[tr + q]!;
    }
  }

  /**
   * Where layer l reads its inputs for a batch of `rows`: x (n × input, row stride input) and xᵀ (input rows of
   * stride xTStride). Above layer 0 they are the hidden states h₀ … h_{T−1} of the layer below and their transpose.
   */
  private inputsOf(l: number, rows: number): { x: number; xT: number; xTStride: number } {
    if (l === 0) return { x: this.buffers[0]!.x, xT: this.buffers[0]!.xT, xTStride: this.seq * rows };
    const below = this.buffers[l - 1]!;
    return { x: below.h + rows * this.layers[l]!.input, xT: below.hT + rows, xTStride: (this.seq + 1) * rows };
  }

  /** hᵀ of every layer and layer 0's xᵀ, the left operands of the weight gradients. */
  private transposeStates(rows: number): void {
    const mem = this.work.mem;
    const n = this.seq * rows;
    const H = n + rows;
    this.layers.forEach(({ input: inW, units: u }, l) => {
      const { h, hT, x, xT } = this.buffers[l]!;
      for (let r = 0; r < H; r++) for (let q = 0; q < u; q++) mem[hT + q * H + r] = mem[h + r * u + q]!;
      if (l === 0) for (let r = 0; r < n; r++) for (let k = 0; k < inW; k++) mem[xT + k * n + r] = mem[x + r * inW + k]!;
    });
  }

  /** Backpropagation through time for one layer, top layer first; accumulates into the gradient. */
  private backwardLayer(l: number, rows: number): void {
    const layer = this.layers[l]!;
    const bf = this.buffers[l]!;
    const below = l > 0 ? this.buffers[l - 1]! : null;
    const top = l === this.layers.length - 1;
    const mem = this.work.mem;
    const { input: inW, units: u, gates: G, kernel: W, bias: B } = layer;
    const T = this.seq;
    const n = T * rows;
    const { act, c, tc, dz, dzT, dAbove } = bf;
    const dhRec = this.dhRec;
    const dcRec = this.dcRec;
    const dFinal = this.dFinal;
    mem.fill(0, dhRec, dhRec + rows * u);
    mem.fill(0, dcRec, dcRec + rows * u);
    for (let t = T - 1; t >= 0; t--) {
      const r0 = t * rows;
      for (let b = 0; b < rows; b++) {
        const r = r0 + b;
        const zr = act + r * G;
        const dr = dz + r * G;
        const cr = r * u;
        const hr = b * u;
        for (let q = 0; q < u; q++) {
          let dh = mem[dhRec + hr + q]!;
          if (!top) dh += mem[dAbove + cr + q]!;
          else if (t === T - 1) dh += dFinal[hr + q]!;
          const i = mem[zr + q]!;
          const f = mem[zr + u + q]!;
          const g = mem[zr + 2 * u + q]!;
          const o = mem[zr + 3 * u + q]!;
          const th = mem[tc + cr + q]!;
          const dc = mem[dcRec + hr + q]! + dh * o * (1 - th * th);
          const cPrev = t > 0 ? mem[c + cr - rows * u + q]! : 0;
          mem[dcRec + hr + q] = dc * f;
          const di = dc * g * i * (1 - i);
          const df = dc * cPrev * f * (1 - f);
          const dg = dc * i * (1 - g * g);
          const dO = dh * th * o * (1 - o);
          mem[dr + q] = di;
          mem[dr + u + q] = df;
          mem[dr + 2 * u + q] = dg;
          mem[dr + 3 * u + q] = dO;
          const col = dzT + q * n + r;
          mem[col] = di;
          mem[col + u * n] = df;
          mem[col + 2 * u * n] = dg;
          mem[col + 3 * u * n] = dO;
        }
      }
      // The gradient with respect to hₜ₋₁, for the step before: dz · Uᵀ (U's rows read as stored).
      if (t > 0) {
        mem.fill(0, dhRec, dhRec + rows * u);
        this.work.multiplyAdd(rows, u, G, dz + r0 * G, G, W + inW * G, G, dhRec, u);
      }
    }
    // The gradient with respect to the layer's inputs, the hidden states of the layer below: dz · Wᵀ.
    if (below !== null) {
      mem.fill(0, below.dAbove, below.dAbove + n * inW);
      this.work.multiplyAdd(n, inW, G, dz, G, W, G, below.dAbove, inW);
    }
    // Weight gradients: W += xᵀ dz, U += hᵀ dz over the rows (t, b), as products with dzᵀ; bias += Σ dz.
    const H = (T + 1) * rows;
    const g0 = this.gradAt;
    const inputs = this.inputsOf(l, rows);
    this.work.multiplyAdd(inW, G, n, inputs.xT, inputs.xTStride, dzT, n, g0 + W, G);
    this.work.multiplyAdd(u, G, n, bf.hT, H, dzT, n, g0 + W + inW * G, G);
    for (let j = 0; j < G; j++) {
      let s = 0;
      const col = dzT + j * n;
      for (let r = 0; r < n; r++) s += mem[col + r]!;
      mem[g0 + B + j] += s;
    }
  }
}

/** `size` rounded up to even, so that every buffer starts on 16 bytes. */
function even(size: number): number {
  return size + (size & 1);
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
