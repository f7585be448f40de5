/**
 * The numerical conventions of allocation-workbook, in one place.
 * They follow PyPortfolioOpt so that figures match a Python researcher's.
 * See the README section "Numerical conventions".
 */

/** Trading periods per year used to annualise daily figures. */
export const TRADING_DAYS_PER_YEAR = 252;

/** Default annual risk-free rate (as a fraction) when none is given: 0, stated explicitly in every performance report. */
export const DEFAULT_RISK_FREE_RATE = 0;

/** Degrees-of-freedom correction of sample variances and covariances (ddof = 1, as pandas' `DataFrame.cov`). */
export const COVARIANCE_DDOF = 1;
