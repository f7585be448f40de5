/**
 * Relative views ("CRUX and FLUX will beat ACME by 3 %") as a picking matrix.
 */
import { InputError } from "../../core/index";
import type { ViewMatrices } from "./view-matrices";

/**
 * One relative view: the equal-weighted `long` basket will return `value` more than the equal-weighted `short` basket.
 * With no `short` leg it is an absolute view on the `long` basket.
 */
export interface RelativeView {
  /** Tickers of the outperforming leg (each weighted `1 / long.length`). At least one. */
  readonly long: readonly string[];
  /** Tickers of the underperforming leg (each weighted `−1 / short.length`). Default none. */
  readonly short?: readonly string[];
  /** The expected return difference (a fraction, annual when the covariance is), e.g. 0.03 for 3 %. */
  readonly value: number;
}

/**
 * Builds `P` and `Q` from relative views, one row per statement in the order given: `+1/nLong` on each long ticker,
 * `−1/nShort` on each short one (Idzorek's equal weighting within a leg), so each leg is a unit portfolio and the
 * row of a long/short view sums to 0. Pass the result to `blackLitterman` as `{ P, Q }`.
 *
 * @param tickers the assets, in the covariance's order.
 * @param views the statements, e.g. `[{ long: ["CRUX", "FLUX"], short: ["ACME"], value: 0.03 }]`.
 * @returns `{ P, Q, names }`; each name reads like `"CRUX + FLUX − ACME"`.
 * @throws InputError naming the statement (1-based) and the ticker when a ticker is unknown, repeated or on both legs,
 *   a statement has no long ticker, or its value is not finite.
 *
 * @example
 * ```ts
 * relativeViews(["ACME", "BOLT", "CRUX", "FLUX"], [{ long: ["CRUX", "FLUX"], short: ["ACME"], value: 0.03 }]);
 * // => { P: [[-1, 0, 0.5, 0.5]], Q: [0.03], names: ["CRUX + FLUX − ACME"] }
 * ```
 */
export function relativeViews(tickers: readonly string[], views: readonly RelativeView[]): ViewMatrices {
  const caller = "relativeViews";
  const index = new Map(tickers.map((ticker, i) => [ticker, i] as const));
  const P: number[][] = [];
  const Q: number[] = [];
  const names: string[] = [];
  views.forEach((view, v) => {
    const label = `view ${v + 1}`;
    const long = view.long;
    const short = view.short ?? [];
    if (long.length === 0) {
      throw new InputError(
        "EMPTY_VIEW",
        `${caller}: ${label} has no long ticker; list the assets expected to outperform in long (and the others in short)`,
        { view: v + 1 },
      );
    }
    if (!Number.isFinite(view.value)) {
      throw new InputError("NON_FINITE_VIEW", `${caller}: ${label} has value ${view.value}; pass a finite return difference`, {
        view: v + 1,
        value: view.value,
      });
    }
    const row = new Array<number>(tickers.length).fill(0);
    const used = new Set<string>();
    for (const [leg, members] of [["long", long], ["short", short]] as const) {
      for (const ticker of members) {
        const column = index.get(ticker);
        if (column === undefined) {
          throw new InputError(
            "UNKNOWN_TICKER",
            `${caller}: ${label} is on ${ticker} (${leg}), which is not in the covariance (assets: ${tickers.slice(0, 10).join(", ")}${tickers.length > 10 ? ", …" : ""}); check the spelling or add the asset`,
            { view: v + 1, ticker },
          );
        }
        if (used.has(ticker)) {
          throw new InputError(
            "REPEATED_TICKER",
            `${caller}: ${label} lists ${ticker} twice (long and short, or twice in a leg); list each ticker once`,
            { view: v + 1, ticker },
          );
        }
        used.add(ticker);
        row[column] = leg === "long" ? 1 / long.length : -1 / short.length;
      }
    }
    P.push(row);
    Q.push(view.value);
    names.push(short.length === 0 ? long.join(" + ") : `${long.join(" + ")} − ${short.join(" + ")}`);
  });
  return { P, Q, names };
}
