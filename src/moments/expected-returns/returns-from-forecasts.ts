/**
 * Expected returns from a model's forecasts, so that a forecasting model plugs in where an estimator goes.
 */
import { InputError } from "../../core/index";
import type { ExpectedReturns, LabelledVector } from "../../core/index";
import { checkFrequency } from "../../core/index";

/** Forecast returns by ticker: a labelled vector, a plain object `{ AAPL: 0.1 }` or a `Map`. */
export type Forecasts = LabelledVector | Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/** Options of {@link returnsFromForecasts}. */
export interface ReturnsFromForecastsOptions {
  /**
   * Tickers of the output, in order (e.g. `prices.tickers`); each must have a forecast, and forecasts of other
   * tickers are left out. Default: every forecast, in its own order.
   */
  readonly tickers?: readonly string[];
  /**
   * Periods per year of the forecasts when they are per-period returns (252 for daily forecasts, 12 for monthly…),
   * to annualise them. Default: none — the forecasts are already annual and are returned as they are.
   */
  readonly frequency?: number;
  /** With `frequency`: `(1 + r)^frequency − 1` when `true` (default), `r × frequency` when `false`. */
  readonly compounding?: boolean;
}

/**
 * Expected returns (fractions per year, labelled by ticker) from a model's return forecasts, validated and put in
 * the order of the assets. Bind it to a model's output to get an `ExpectedReturnsEstimator`:
 * `const fromModel: ExpectedReturnsEstimator = (prices) => returnsFromForecasts(forecasts, { tickers: prices.tickers })`.
 *
 * @param forecasts forecast returns by ticker (fractions; annual unless `frequency` is given).
 * @param options `{ tickers?, frequency?, compounding = true }`.
 * @returns a new vector of annual expected returns, labelled by `tickers` (or by the forecasts' labels).
 * @throws InputError when the forecasts are empty, a labelled vector's labels and values differ in length, a label
 *   is repeated, a forecast is not finite, a requested ticker has no forecast, `tickers` repeats a ticker, or the
 *   frequency is bad; each message names the ticker.
 *
 * @example
 * ```ts
 * const forecasts = { labels: ["B", "A"], values: Float64Array.from([0.0004, 0.0002]) };
 * returnsFromForecasts(forecasts, { tickers: ["A", "B"] }).values;                     // => Float64Array [0.0002, 0.0004]
 * returnsFromForecasts(forecasts, { tickers: ["A"], frequency: 252, compounding: false }).values; // => ≈ Float64Array [0.0504]
 * returnsFromForecasts({ A: 0.08, B: NaN });  // => throws InputError NON_FINITE_FORECAST "… forecast of B is NaN …"
 * ```
 */
export function returnsFromForecasts(forecasts: Forecasts, options: ReturnsFromForecastsOptions = {}): ExpectedReturns {
  const caller = "returnsFromForecasts";
  const entries = forecastEntries(forecasts, caller);
  if (entries.length === 0) {
    throw new InputError("EMPTY_INPUT", `${caller}: there are no forecasts; pass one return per ticker`, {});
  }
  const byTicker = new Map<string, number>();
  for (const [ticker, value] of entries) {
    if (byTicker.has(ticker)) {
      throw new InputError("DUPLICATE_LABEL", `${caller}: ticker ${ticker} has two forecasts; give each ticker one forecast`, { ticker });
    }
    if (!Number.isFinite(value)) {
      throw new InputError(
        "NON_FINITE_FORECAST",
        `${caller}: the forecast of ${ticker} is ${value}; every forecast must be a finite return — drop the ticker or fix the model's output`,
        { ticker, value },
      );
    }
    byTicker.set(ticker, value);
  }

  const tickers = options.tickers ?? entries.map(([ticker]) => ticker);
  const seen = new Set<string>();
  for (const ticker of tickers) {
    if (seen.has(ticker)) {
      throw new InputError("DUPLICATE_TICKER", `${caller}: tickers lists ${ticker} twice; list each asset once`, { ticker });
    }
    seen.add(ticker);
    if (!byTicker.has(ticker)) {
      throw new InputError(
        "MISSING_FORECAST",
        `${caller}: ticker ${ticker} has no forecast (forecasts cover ${[...byTicker.keys()].slice(0, 10).join(", ")}${byTicker.size > 10 ? ", …" : ""}); forecast it or drop it from the universe`,
        { ticker },
      );
    }
  }

  const frequency = options.frequency === undefined ? undefined : checkFrequency(options.frequency, caller);
  const compounding = options.compounding ?? true;
  const values = Float64Array.from(tickers, (ticker) => {
    const r = byTicker.get(ticker)!;
    if (frequency === undefined) return r;
    return compounding ? Math.pow(1 + r, frequency) - 1 : r * frequency;
  });
  values.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      throw new InputError(
        "NON_FINITE_FORECAST",
        `${caller}: the annualised forecast of ${tickers[i]} is ${value}; check its per-period forecast and frequency`,
        { ticker: tickers[i], value },
      );
    }
  });
  return { labels: [...tickers], values };
}

/** The `[ticker, value]` pairs of any accepted forecast shape, in order. */
function forecastEntries(forecasts: Forecasts, caller: string): [string, number][] {
  if (forecasts instanceof Map) return [...(forecasts as ReadonlyMap<string, number>).entries()];
  if (isLabelledVector(forecasts)) {
    if (forecasts.labels.length !== forecasts.values.length) {
      throw new InputError(
        "SHAPE_MISMATCH",
        `${caller}: forecasts have ${forecasts.labels.length} labels but ${forecasts.values.length} values; pass one value per label`,
        { nLabels: forecasts.labels.length, nValues: forecasts.values.length },
      );
    }
    return forecasts.labels.map((label, i) => [label, forecasts.values[i]!]);
  }
  return Object.entries(forecasts as Readonly<Record<string, number>>);
}

function isLabelledVector(x: Forecasts): x is LabelledVector {
  const candidate = x as Partial<LabelledVector>;
  return Array.isArray(candidate.labels) && candidate.values !== undefined && typeof (candidate.values as ArrayLike<number>).length === "number";
}
