/**
 * The drawdowns of several return series side by side, one column each.
 */
import { frame, InputError } from "../core/index";
import type { Frame } from "../core/index";
import { drawdowns } from "./drawdown";
import type { ReturnSeries } from "./return-series";

/**
 * How far each series stands below its running peak on every date (fractions ≤ 0, as {@link drawdowns}), as a
 * frame of dates × series (unit `"fraction"`): draw it with `tableLineChart`.
 *
 * @param series return series by name, all over the same dates (e.g. a portfolio and its benchmark); not changed.
 * @example
 * ```ts
 * const a = { dates: ["d1", "d2"], values: Float64Array.of(0.1, -0.1) };
 * drawdownFrame({ a: a }).column("a"); // => ≈ Float64Array [0, -0.1]
 * ```
 * @throws InputError EMPTY_TABLE when no series is given; DATE_MISMATCH when two series differ in their dates;
 *   as {@link drawdowns}.
 */
export function drawdownFrame(series: Readonly<Record<string, ReturnSeries>>): Frame {
  const names = Object.keys(series);
  const first = series[names[0] as string];
  if (first === undefined) throw new InputError("EMPTY_TABLE", "drawdownFrame: no series given; pass at least one, e.g. { portfolio: series }");
  const columns = names.map((name) => {
    const s = series[name] as ReturnSeries;
    const differs = s.dates.length !== first.dates.length || s.dates.some((d, i) => d !== first.dates[i]);
    if (differs) {
      throw new InputError("DATE_MISMATCH", `drawdownFrame: ${name} has other dates than ${names[0]}; give every series the same dates (e.g. the same proxies)`, { series: name });
    }
    return drawdowns(s).values;
  });
  const n = first.dates.length;
  const values = new Float64Array(n * names.length);
  columns.forEach((c, j) => c.forEach((v, i) => (values[i * names.length + j] = v)));
  return frame({ dates: [...first.dates], tickers: names, values }, { unit: "fraction" });
}
