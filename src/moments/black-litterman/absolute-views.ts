/**
 * Absolute views (`{ ACME: 0.10 }`) as a picking matrix, as PyPortfolioOpt's `BlackLittermanModel._parse_views`.
 */
import { InputError } from "../../core/index";
import type { ViewMatrices } from "./view-matrices";

/** Absolute views: expected return per ticker (fractions, annual when the covariance is). */
export type AbsoluteViews = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/**
 * Turns absolute views into `P` and `Q`: one view per ticker, in the order given, with a 1 in that ticker's column.
 * The order is that of a `Map`, or `Object.keys` for a plain object — which puts integer-like keys (e.g. `"7203"`)
 * first: use a `Map` when such tickers must keep their place (it matters for `viewConfidences`).
 *
 * @param tickers the assets, in the covariance's order.
 * @param views expected return per ticker, e.g. `{ ACME: 0.10, FLUX: 0.25 }`.
 * @param caller the public function name used to prefix error messages. Default `"absoluteViews"`.
 * @returns `{ P, Q, names }` with the tickers as view names.
 * @throws InputError UNKNOWN_TICKER naming a view on a ticker not in `tickers`, NON_FINITE_VIEW naming a ticker
 *   whose view is not finite.
 *
 * @example
 * ```ts
 * absoluteViews(["ACME", "BOLT", "CRUX"], { CRUX: 0.12, ACME: 0.1 });
 * // => { P: [[0, 0, 1], [1, 0, 0]], Q: [0.12, 0.1], names: ["CRUX", "ACME"] }
 * absoluteViews(["ACME", "BOLT"], { AAPX: 0.1 }); // => throws InputError UNKNOWN_TICKER "… view on AAPX, which is not …"
 * ```
 */
export function absoluteViews(tickers: readonly string[], views: AbsoluteViews, caller = "absoluteViews"): ViewMatrices {
  const entries: [string, number][] = views instanceof Map ? [...(views as ReadonlyMap<string, number>).entries()] : Object.entries(views);
  const index = new Map(tickers.map((ticker, i) => [ticker, i] as const));
  const P: number[][] = [];
  const Q: number[] = [];
  for (const [ticker, value] of entries) {
    const column = index.get(ticker);
    if (column === undefined) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${caller}: there is a view on ${ticker}, which is not in the covariance (assets: ${tickers.slice(0, 10).join(", ")}${tickers.length > 10 ? ", …" : ""}); check the spelling or add the asset`,
        { ticker },
      );
    }
    if (!Number.isFinite(value)) {
      throw new InputError("NON_FINITE_VIEW", `${caller}: the view on ${ticker} is ${value}; pass a finite expected return`, { ticker, value });
    }
    const row = new Array<number>(tickers.length).fill(0);
    row[column] = 1;
    P.push(row);
    Q.push(value);
  }
  return { P, Q, names: entries.map(([ticker]) => ticker) };
}
