/**
 * The project's seeded pseudo-random number generator.
 *
 * xoshiro128** (Blackman & Vigna, 2018) on four 32-bit words, seeded through
 * a splitmix32 sequence. Everything is 32-bit integer arithmetic (`Math.imul`,
 * shifts), so a seed gives the same stream on every platform and Node
 * version; `Math.random` is never used. Draws are consumed in a fixed order,
 * so the same calls on the same seed return the same numbers.
 */
import { InputError } from "./errors";

/** A seeded stream of random numbers. Every method advances the stream. */
export interface Rng {
  /** Uniform 32-bit unsigned integer in `[0, 2^32)`. */
  uint32(): number;
  /** Uniform double in `[0, 1)` with 53 random bits. */
  next(): number;
  /** Uniform double in `[low, high)`. */
  uniform(low: number, high: number): number;
  /** Standard normal draw (mean 0, variance 1), Box–Muller. */
  normal(): number;
  /**
   * Student-t draw with `df` degrees of freedom, scaled to unit variance
   * (`t · √((df − 2)/df)`), so it is a fat-tailed drop-in for {@link Rng.normal}.
   * Bailey's polar method; `df = Infinity` gives a normal draw. Throws `InputError` unless `df > 2`.
   */
  studentT(df: number): number;
  /** Gamma draw with the given shape and scale 1 (Marsaglia–Tsang). Throws `InputError` unless `shape > 0`. */
  gamma(shape: number): number;
  /** Uniform integer in `[0, n)`. Throws `InputError` unless `n` is a positive safe integer. */
  int(n: number): number;
  /** `true` with probability `p`. */
  bernoulli(p: number): boolean;
  /** One element drawn uniformly. Throws `InputError` on an empty array. */
  choice<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const TWO_PI = 2 * Math.PI;

/** murmur3's 32-bit finaliser: a bijective avalanche mix of a uint32. */
function fmix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function checkSeed(where: string, seed: number): void {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new InputError("BAD_SEED", `${where}: seed ${String(seed)} is not a safe integer; pass a whole number such as 42`, { seed });
  }
}

/** Folds a safe integer (possibly negative or above 2^32) into a uint32. */
function seedToUint32(seed: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  return fmix32(low ^ fmix32(high ^ 0x5bd1e995));
}

/**
 * Derives an independent sub-seed from a seed and a label, so that separate
 * parts of a simulation (one per ticker, say) draw from separate streams and
 * adding a part does not shift the numbers of the others.
 *
 * @param seed - any safe integer.
 * @param label - any string; different labels give unrelated seeds.
 * @returns a uint32 seed for {@link createRng}.
 * @throws InputError when `seed` is not a safe integer.
 * @example
 * ```ts
 * const a = createRng(deriveSeed(42, "idio:AAPX"));
 * deriveSeed(42, "x") === deriveSeed(42, "x"); // => true
 * deriveSeed(42, "x") === deriveSeed(42, "y"); // => false
 * ```
 */
export function deriveSeed(seed: number, label: string): number {
  checkSeed("deriveSeed", seed);
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return fmix32(seedToUint32(seed) ^ fmix32(h + 0x9e3779b9));
}

/**
 * Creates a seeded xoshiro128** generator.
 *
 * The four state words are the first four outputs of splitmix32
 * (`x += 0x9e3779b9; fmix32(x)`) started at the seed folded to 32 bits.
 *
 * @param seed - any safe integer; equal seeds give equal streams.
 * @throws InputError when `seed` is not a safe integer.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.uint32();          // => 131691402
 * rng.next();            // a double in [0, 1)
 * createRng(42).next() === createRng(42).next(); // => true
 * rng.shuffle([1, 2, 3]); // e.g. [3, 1, 2]; the input array is unchanged
 * ```
 */
export function createRng(seed: number): Rng {
  checkSeed("createRng", seed);
  let sm = seedToUint32(seed);
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    return fmix32(sm);
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point

  const uint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const next = (): number => {
    const high = uint32() >>> 5; // 27 bits
    const low = uint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  };

  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const u1 = 1 - next(); // (0, 1]: log is finite
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(TWO_PI * u2);
    hasSpare = true;
    return radius * Math.cos(TWO_PI * u2);
  };

  const gamma = (shape: number): number => {
    if (!(shape > 0) || !Number.isFinite(shape)) {
      throw new InputError("BAD_ARGUMENT", `Rng.gamma: shape ${shape} must be a finite number > 0`, { shape });
    }
    if (shape < 1) {
      // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
      return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };

  const studentT = (df: number): number => {
    if (typeof df !== "number" || !(df > 2)) {
      throw new InputError("BAD_ARGUMENT", `Rng.studentT: df ${df} must be > 2 for a finite, unit variance; use Infinity for a normal draw`, { df });
    }
    if (df === Infinity) return normal();
    // Bailey's polar method (1994): exact Student-t from a point in the unit disc.
    let u: number;
    let w: number;
    do {
      u = 2 * next() - 1;
      const v = 2 * next() - 1;
      w = u * u + v * v;
    } while (w > 1 || w === 0);
    return u * Math.sqrt(((df - 2) * (Math.pow(w, -2 / df) - 1)) / w);
  };

  const int = (n: number): number => {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new InputError("BAD_ARGUMENT", `Rng.int: n ${n} must be a positive safe integer`, { n });
    }
    return Math.floor(next() * n);
  };

  return {
    uint32,
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal,
    studentT,
    gamma,
    int,
    bernoulli: (p) => next() < p,
    choice: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new InputError("EMPTY_INPUT", "Rng.choice: the array is empty; pass at least one item");
      return items[int(items.length)]!;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
  };
}
