/**
 * Information coefficients: how much each feature says about what we want to forecast.
 */
import { InputError, table, type Table } from "../core/index";
import type { FeatureFrame } from "./feature-frame";

/** Pearson correlation of two samples of equal length (two passes: means, then moments). */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += (a[i] as number) / n;
    mb += (b[i] as number) / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da ** 2;
    sbb += db ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** A target: its values, one per row of the frame (`NaN` where unknown), or an object holding them (a `Target`). */
export type TargetValues = ArrayLike<number> | { readonly values: ArrayLike<number> };

function valuesOf(target: TargetValues): ArrayLike<number> {
  if (ArrayBuffer.isView(target) || Array.isArray(target)) return target as ArrayLike<number>;
  return (target as { readonly values: ArrayLike<number> }).values;
}

/**
 * The information coefficient (IC) of every feature with every target: the Pearson correlation, over the rows
 * where every target is known, of the feature with the target. One row per feature, one column per target (a
 * ratio in [−1, 1]); the caption counts the rows used.
 *
 * @param frame feature rows.
 * @param targets targets by name, each one value per row of the frame (`forwardGrowthTarget(…)`, or its values).
 * @example
 * ```ts
 * const ics = informationCoefficients(rows, { "next year's growth": forwardGrowthTarget(fundamentals, rows) });
 * ics.column("next year's growth").get("revenue_growth"); // => 0.52
 * ```
 * @throws InputError SHAPE_MISMATCH when a target's length is not the frame's; EMPTY_INPUT when no row has every
 *   target.
 */
export function informationCoefficients(frame: FeatureFrame, targets: Readonly<Record<string, TargetValues>>): Table {
  const n = frame.dates.length;
  const ys = Object.entries(targets).map(([name, t]) => [name, valuesOf(t)] as const);
  for (const [name, y] of ys) {
    if (y.length !== n) throw new InputError("SHAPE_MISMATCH", `informationCoefficients: target ${name} has ${y.length} values for ${n} rows; give one per row`, { target: name });
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (ys.every(([, y]) => Number.isFinite(y[i]))) rows.push(i);
  if (rows.length === 0) throw new InputError("EMPTY_INPUT", "informationCoefficients: no row has every target; check the targets' horizons against the frame's dates");
  const pick = (c: ArrayLike<number>) => Float64Array.from(rows, (i) => c[i] as number);
  const columns = Object.fromEntries(
    ys.map(([name, y]) => {
      const target = pick(y);
      return [name, { labels: frame.names, values: Float64Array.from(frame.columns, (c) => correlation(pick(c), target)) }];
    }),
  );
  const units = Object.fromEntries(ys.map(([name]) => [name, "ratio" as const]));
  return table(columns, { labels: frame.names, labelName: "feature", units, caption: `information coefficients over ${rows.length.toLocaleString("en-US")} rows` });
}

/**
 * The `n` rows of a table with the largest values of a column in absolute value, largest first (a strong negative
 * correlation matters as much as a strong positive one).
 *
 * @example
 * ```ts
 * topByMagnitude(ics, "next month's return", 10); // the ten features most correlated with the next month's return
 * ```
 * @throws InputError UNKNOWN_COLUMN (from the table) for a column it lacks.
 */
export function topByMagnitude(data: Table, column: string, n: number): Table {
  const magnitude = `|${column}|`;
  return data.with(magnitude, data.column(column).map(Math.abs)).sortBy(magnitude).head(n).select(data.columns);
}
