/**
 * The rows of a panel where a forecast and its outcome are both known: what every score is computed on.
 */
import { InputError } from "../../core/index";
import type { Panel } from "../../core/index";

/** Forecasts and outcomes, row by row, with each row's date and ticker. */
export interface ForecastPairs {
  readonly actual: Float64Array;
  readonly predicted: Float64Array;
  readonly dates: readonly string[];
  readonly tickers: readonly string[];
}

/**
 * The rows of `panel` where column `forecast` and column `outcome` are both finite (a walk-forward output is `NaN` on
 * the rows it did not forecast out of sample, so these are the rows it did).
 *
 * @example
 * ```ts
 * forecastPairs(returns.toPanel().with("forest", run.outputs.forecast), "forest").actual.length; // rows forecast out of sample
 * ```
 * @throws InputError UNKNOWN_COLUMN naming a missing column; NO_FORECASTS when no row has both.
 */
export function forecastPairs(panel: Panel, forecast: string, outcome = "outcome"): ForecastPairs {
  const predicted = panel.values(forecast);
  const actual = panel.values(outcome);
  const rows: number[] = [];
  for (let i = 0; i < panel.length; i++) if (Number.isFinite(predicted[i] as number) && Number.isFinite(actual[i] as number)) rows.push(i);
  if (rows.length === 0) {
    throw new InputError("NO_FORECASTS", `forecastPairs: no row has both a ${forecast} and an ${outcome}; join the walk-forward output of the same rows`, { column: forecast });
  }
  return {
    actual: Float64Array.from(rows, (i) => actual[i] as number),
    predicted: Float64Array.from(rows, (i) => predicted[i] as number),
    dates: rows.map((i) => panel.dates[i] as string),
    tickers: rows.map((i) => panel.tickers[i] as string),
  };
}
