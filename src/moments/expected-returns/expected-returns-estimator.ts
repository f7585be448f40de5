/**
 * The contract of an expected-returns estimator, so optimisers and notebooks can take one as a value.
 */
import type { DateTable, ExpectedReturns } from "../../core/index";

/**
 * Any function from prices (`nDates × nTickers`, `NaN` = missing) to annualised expected returns
 * (fractions per year, labelled by ticker, same order as the price columns).
 *
 * Estimators are passed as values, never chosen by a method string; bind options with a closure.
 *
 * @example
 * ```ts
 * const arithmetic: ExpectedReturnsEstimator = (prices) => meanHistoricalReturn(prices, { compounding: false });
 * arithmetic(prices).labels; // => prices.tickers
 * ```
 */
export type ExpectedReturnsEstimator = (prices: DateTable) => ExpectedReturns;
