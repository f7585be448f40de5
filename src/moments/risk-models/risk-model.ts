/**
 * The contract of a risk model, so optimisers and notebooks can take one as a value.
 */
import type { DateTable, LabelledMatrix } from "../../core/index";

/**
 * Any function from prices (`nDates × nTickers`, `NaN` = missing) to an annualised covariance matrix
 * (`nTickers × nTickers`, labelled by ticker in the order of the price columns).
 *
 * Risk models are passed as values, never chosen by a method string; bind options with a closure.
 *
 * @example
 * ```ts
 * const weekly: RiskModel = (prices) => sampleCovariance(prices, { frequency: 52 });
 * weekly(prices).labels; // => prices.tickers
 * ```
 */
export type RiskModel = (prices: DateTable) => LabelledMatrix;
