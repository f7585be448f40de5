/**
 * A hypothetical scenario: a benchmark move transmitted to every holding through its historical beta.
 */
import { InputError } from "../core/index";
import { beta } from "../measures/index";
import type { Scenario } from "./scenario";

/** Options of {@link marketShock}. */
export interface MarketShockOptions {
  /** Ticker of the benchmark (a column of the context's prices), e.g. `"MKTIDX"`. */
  readonly benchmark: string;
  /** Benchmark return, a fraction ≥ −1 (−0.2 for −20 %). */
  readonly shock: number;
  /** Name shown in reports. Default `"<benchmark> −20 % (via beta)"`. */
  readonly name?: string;
}

/**
 * A hypothetical scenario: the benchmark returns `shock` and every holding returns `βᵢ·shock`, with βᵢ its
 * beta to the benchmark over the whole history (daily returns, dates where both trade, proxies applied).
 * Unlike {@link assetClassShock} it moves every holding, by how it has co-moved with the market: bonds with
 * a negative beta gain. It is linear and uses full-sample betas, which understate how correlations rise in a
 * crisis; compare with the historical crises.
 *
 * @param options `{ benchmark, shock, name }`.
 * @throws InputError BAD_SHOCK when `shock` is not a finite return ≥ −1 (at construction); when run:
 *   UNKNOWN_TICKER when the benchmark is not a price column, NOT_ENOUGH_HISTORY when a holding shares fewer
 *   than 20 dates with it.
 *
 * @example
 * ```ts
 * runStressTest(marketShock({ benchmark: "MKTIDX", shock: -0.2 }), portfolio, context).assetReturns;
 * // => notebook 06's portfolio: LTBX ≈ +5.2 % (β −0.26), VLRX ≈ −11.8 % (β 0.59): each holding's beta × −20 %
 * ```
 */
export function marketShock(options: MarketShockOptions): Scenario {
  const caller = "marketShock";
  const { benchmark, shock } = options;
  if (typeof shock !== "number" || !Number.isFinite(shock) || shock < -1) {
    throw new InputError("BAD_SHOCK", `${caller}: shock ${String(shock)} must be a return as a fraction ≥ −1 (−0.2 for −20 %)`, { shock });
  }
  const name = options.name ?? `${benchmark} ${shock < 0 ? "−" : "+"}${Math.abs(shock * 100)} % (via beta)`;
  return {
    name,
    kind: "hypothetical",
    evaluate(history) {
      const all = history.allReturns;
      const b = all.tickers.indexOf(benchmark);
      if (b < 0) {
        throw new InputError("UNKNOWN_TICKER", `${caller}: benchmark ${benchmark} is not a column of the prices; pass one of ${all.tickers.slice(0, 10).join(", ")}…`, {
          benchmark,
        });
      }
      const m = all.tickers.length;
      const k = history.tickers.length;
      const betas = new Float64Array(k);
      for (let c = 0; c < k; c++) {
        const x: number[] = [];
        const y: number[] = [];
        for (let t = 0; t < history.dates.length; t++) {
          const r = history.returns[t * k + c]!;
          const rb = all.values[t * m + b]!;
          if (Number.isNaN(r) || Number.isNaN(rb)) continue;
          x.push(r);
          y.push(rb);
        }
        if (x.length < 20) {
          throw new InputError(
            "NOT_ENOUGH_HISTORY",
            `${caller}: ${history.tickers[c]} shares ${x.length} dates with ${benchmark}; a beta needs at least 20 — add a proxy or a longer history`,
            { ticker: history.tickers[c] },
          );
        }
        betas[c] = beta(x, y);
      }
      return {
        assetReturns: betas.map((bi) => bi * shock),
        description: `hypothetical: ${benchmark} ${(shock * 100).toFixed(1)} %, each holding moved by its full-sample daily beta to it`,
        notes: [`betas: ${history.tickers.map((t, c) => `${t} ${betas[c]!.toFixed(2)}`).join(", ")}`],
      };
    },
  };
}
