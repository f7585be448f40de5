/**
 * A labelled run of dates: a market regime, a crisis, a decade.
 */

/**
 * A labelled run of dates (inclusive ISO dates `YYYY-MM-DD`), e.g. the synthetic market's regime spans
 * `{ start, end, kind: "crisis" }`; the stress scenarios and the backtest's metrics by regime both read them.
 *
 * @example
 * ```ts
 * const span: LabelledSpan = { start: "2008-09-15", end: "2009-03-09", kind: "crisis" };
 * ```
 */
export interface LabelledSpan {
  /** First date of the span (inclusive). */
  readonly start: string;
  /** Last date of the span (inclusive). */
  readonly end: string;
  /** The label, e.g. `"calm"` or `"crisis"`. */
  readonly kind: string;
}
