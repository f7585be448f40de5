/**
 * The daily returns of a portfolio held at constant weights.
 */
import { InputError } from "../core/index";
import type { DateTable, LabelledVector } from "../core/index";
import { checkDateTable } from "../core/index";
import { applyProxies, type ProxyUse } from "./proxy-returns";
import type { ReturnSeries } from "./return-series";

/** Options of {@link portfolioReturns}. */
export interface PortfolioReturnsOptions {
  /**
   * Stand-in assets for dates a holding has no return (before it listed, or a gap): `{ PXFX: "MKTIDX" }`
   * uses MKTIDX's return on the dates PXFX is missing. Each use is reported in the result's `proxied`.
   */
  readonly proxies?: Readonly<Record<string, string>>;
  /**
   * Drop the dates on which a holding (after proxies) has no return, instead of throwing. The count is
   * reported in `droppedDates`. Default `false`.
   */
  readonly dropIncompleteDates?: boolean;
}

/** A portfolio's return series with what was done to build it. */
export interface PortfolioReturnSeries extends ReturnSeries {
  /** Proxies that filled missing returns: the holding, its stand-in and on how many dates. */
  readonly proxied: readonly ProxyUse[];
  /** Dates dropped because a holding had no return (only with `dropIncompleteDates`). */
  readonly droppedDates: number;
}

/**
 * Daily returns of a portfolio rebalanced to constant weights every period: `r_p,t = Σᵢ wᵢ·rᵢ,t` (the
 * portfolio a covariance-based volatility `√(wᵀΣw)` describes). Assets with zero weight are ignored, so
 * their missing data does not matter.
 *
 * Missing returns of a holding are never skipped silently: fill them with `proxies`, or drop those dates
 * with `dropIncompleteDates`; otherwise the function throws naming the ticker and date.
 *
 * @param returns per-period simple returns, `nDates × nTickers` (e.g. `returnsFromPrices(prices)`), `NaN` = missing; not changed.
 * @param weights weights labelled by ticker (fractions of capital; any sum: long-short allowed); every label must be a column.
 * @param options `{ proxies, dropIncompleteDates = false }`.
 * @returns the portfolio's series (one return per kept date), with `proxied` and `droppedDates`.
 * @throws InputError UNKNOWN_TICKER (a weight or proxy not in the table), NON_FINITE_WEIGHT, MISSING_RETURN
 *   (a holding has no return on a date; the message names both and the remedies), NO_COMPLETE_DATES.
 *
 * @example
 * ```ts
 * const returns = { dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.03, -0.02, NaN) };
 * portfolioReturns(returns, { labels: ["A", "B"], values: Float64Array.of(0.5, 0.5) }, { proxies: { B: "A" } });
 * // => { dates: ["d1", "d2"], values: ≈ Float64Array [0.02, -0.02], proxied: [{ ticker: "B", proxy: "A", dates: 1 }], droppedDates: 0 }
 * ```
 */
export function portfolioReturns(returns: DateTable, weights: LabelledVector, options: PortfolioReturnsOptions = {}): PortfolioReturnSeries {
  const caller = "portfolioReturns";
  checkDateTable(returns, caller, "returns");
  if (weights.labels.length !== weights.values.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: weights have ${weights.labels.length} labels but ${weights.values.length} values`, {});
  }
  const held: string[] = [];
  const heldWeights: number[] = [];
  weights.labels.forEach((ticker, i) => {
    const w = weights.values[i]!;
    if (!Number.isFinite(w)) {
      throw new InputError("NON_FINITE_WEIGHT", `${caller}: weight of ${ticker} is ${w}; weights must be finite`, { ticker });
    }
    if (!returns.tickers.includes(ticker)) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${caller}: weight ticker ${ticker} is not a column of the returns; check the spelling or pass returns that include it`,
        { ticker },
      );
    }
    if (w !== 0) {
      held.push(ticker);
      heldWeights.push(w);
    }
  });
  const { values, proxied } = applyProxies(returns, held, options.proxies ?? {}, caller);
  const k = held.length;
  const dates: string[] = [];
  const out: number[] = [];
  let droppedDates = 0;
  for (let t = 0; t < returns.dates.length; t++) {
    let sum = 0;
    let missing = -1;
    for (let c = 0; c < k; c++) {
      const r = values[t * k + c]!;
      if (Number.isNaN(r)) {
        missing = c;
        break;
      }
      if (!Number.isFinite(r)) {
        throw new InputError("NON_FINITE_RETURN", `${caller}: return of ${held[c]} on ${returns.dates[t]} is ${r}; check the prices around that date`, {
          ticker: held[c],
          date: returns.dates[t],
        });
      }
      sum += heldWeights[c]! * r;
    }
    if (missing >= 0) {
      if (options.dropIncompleteDates) {
        droppedDates++;
        continue;
      }
      throw new InputError(
        "MISSING_RETURN",
        `${caller}: ${held[missing]} (weight ${heldWeights[missing]}) has no return on ${returns.dates[t]}; give it a stand-in with proxies: { ${held[missing]}: "<ticker>" }, or pass dropIncompleteDates: true to start where every holding trades`,
        { ticker: held[missing], date: returns.dates[t] },
      );
    }
    dates.push(returns.dates[t]!);
    out.push(sum);
  }
  if (dates.length === 0) {
    throw new InputError("NO_COMPLETE_DATES", `${caller}: no date has a return for every holding; add proxies for the late-listing holdings`, { held });
  }
  return { dates, values: Float64Array.from(out), proxied, droppedDates };
}
