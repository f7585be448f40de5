// Shared fixtures of the backtest tests: small price tables, a seeded random walk, a recording strategy.
import type { DateTable, LabelledVector } from "../../src/core/frame";
import { createRng } from "../../src/core/random";
import type { BacktestView, Strategy } from "../../src/backtest/index";

/** Business days from `start` (ISO), `n` of them. */
export function businessDays(start: string, n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < n) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A seeded geometric random walk, `n` business days from 2020-01-01, no missing value. */
export function randomPrices(tickers: readonly string[], n: number, seed = 1, dailyVolatility = 0.015): DateTable {
  const rng = createRng(seed);
  const m = tickers.length;
  const values = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    let p = 20 + 80 * rng.next();
    for (let i = 0; i < n; i++) {
      if (i > 0) p *= Math.exp(0.0002 + dailyVolatility * rng.normal());
      values[i * m + j] = p;
    }
  }
  return { dates: businessDays("2020-01-01", n), tickers: [...tickers], values };
}

/** The strategy of the hand-checked case: the same weights at every rebalance. */
export function constantWeights(weights: Record<string, number>): Strategy {
  const labels = Object.keys(weights);
  const values = Float64Array.from(labels, (t) => weights[t]!);
  return { name: "constant", parameters: { weights }, targetWeights: () => ({ labels, values }) };
}

/** A strategy that records every view it is given and answers with `answer(view)`. */
export function recordingStrategy(answer: (view: BacktestView) => LabelledVector): Strategy & { readonly views: BacktestView[] } {
  const views: BacktestView[] = [];
  return {
    name: "recorder",
    parameters: {},
    views,
    targetWeights(view) {
      views.push(view);
      return answer(view);
    },
  };
}
