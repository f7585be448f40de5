/** Seeded random numbers for tests (mulberry32), so every run sees the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from a uniform source. */
export function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A random symmetric n × n matrix (row-major) with entries uniform on [−1, 1). */
export function randomSymmetric(n: number, random: () => number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = 2 * random() - 1;
      a[i * n + j] = x;
      a[j * n + i] = x;
    }
  }
  return a;
}

/** A random covariance matrix `BBᵀ/k + diag(d)` (positive definite), row-major n × n, annual-ish scale. */
export function randomCovariance(n: number, random: () => number, factors = 3): Float64Array {
  const gauss = normal(random);
  const b = Array.from({ length: n }, () => Array.from({ length: factors }, () => 0.15 * gauss()));
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let x = 0;
      for (let k = 0; k < factors; k++) x += b[i]![k]! * b[j]![k]!;
      if (i === j) x += 0.01 + 0.05 * random();
      s[i * n + j] = x;
      s[j * n + i] = x;
    }
  }
  return s;
}

/** A Dirichlet(1, …, 1) draw: a uniformly random point of the probability simplex. */
export function dirichlet(n: number, random: () => number): Float64Array {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    w[i] = -Math.log(1 - random());
    sum += w[i]!;
  }
  for (let i = 0; i < n; i++) w[i] = w[i]! / sum;
  return w;
}
