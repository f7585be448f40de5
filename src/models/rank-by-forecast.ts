/**
 * Learning to rank, the simple way: rank the assets of one date by their forecast.
 */
import { InputError } from "../core/index";

/**
 * One asset's place in a ranking.
 *
 * @example
 * ```ts
 * const r: RankedAsset = { rank: 1, ticker: "AAPX", forecast: 0.031 };
 * ```
 */
export interface RankedAsset {
  /** 1 = highest forecast. */
  readonly rank: number;
  readonly ticker: string;
  readonly forecast: number;
}

/**
 * The tickers of one as-of date ranked by forecast, highest first (ties by ticker).
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT.
 * @example
 * ```ts
 * rankByForecast(["A", "B", "C"], [0.01, 0.03, -0.02]).map((r) => r.ticker); // => ["B", "A", "C"]
 * ```
 */
export function rankByForecast(tickers: readonly string[], forecasts: ArrayLike<number>): RankedAsset[] {
  if (tickers.length !== forecasts.length) throw new InputError("SHAPE_MISMATCH", `rankByForecast: ${tickers.length} tickers but ${forecasts.length} forecasts`);
  const rows = tickers.map((ticker, i) => {
    const forecast = forecasts[i]!;
    if (!Number.isFinite(forecast)) throw new InputError("NAN_IN_INPUT", `rankByForecast: forecast of ${ticker} is ${forecast}`, { ticker });
    return { ticker, forecast };
  });
  rows.sort((a, b) => b.forecast - a.forecast || a.ticker.localeCompare(b.ticker));
  return rows.map((r, i) => ({ rank: i + 1, ...r }));
}
