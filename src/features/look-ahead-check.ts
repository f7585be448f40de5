/**
 * The feature store's no-look-ahead property, as a check anyone can run: features built from the
 * data known on a date equal the features built from all the data, for every row up to that date.
 */
import { InputError, tableOfRows, type Table } from "../core/index";
import type { FeatureDefinition } from "./feature-definition";
import type { FeatureFrame } from "./feature-frame";
import { FeatureStore, type FeatureRequest, type FeatureStoreInputs } from "./feature-store";
import { defaultFeatureCatalogue } from "./default-features";

/**
 * The inputs as they were known on `cut`: prices dated ≤ cut, fundamentals filed ≤ cut,
 * stability scores known from ≤ cut (the universe and benchmark unchanged).
 *
 * @throws InputError NO_DATA_BEFORE_CUT when no price is dated on or before `cut`.
 * @example
 * ```ts
 * inputsKnownOn(inputs, "2015-06-30").prices.dates.at(-1); // => "2015-06-30"
 * ```
 */
export function inputsKnownOn(inputs: FeatureStoreInputs, cut: string): FeatureStoreInputs {
  const { prices } = inputs;
  let n = 0;
  while (n < prices.dates.length && prices.dates[n]! <= cut) n++;
  if (n === 0) throw new InputError("NO_DATA_BEFORE_CUT", `inputsKnownOn: no price is dated on or before ${cut} (prices start ${prices.dates[0]})`);
  const m = prices.tickers.length;
  return {
    ...inputs,
    prices: { dates: prices.dates.slice(0, n), tickers: prices.tickers, values: prices.values.slice(0, n * m) },
    ...(inputs.fundamentals ? { fundamentals: inputs.fundamentals.filter((f) => f.filedDate <= cut) } : {}),
    ...(inputs.stabilityScores ? { stabilityScores: inputs.stabilityScores.filter((s) => s.knownFrom <= cut) } : {}),
  };
}

/**
 * The result of {@link lookAheadCheck}.
 *
 * @example
 * ```ts
 * const r: LookAheadCheck = { cut: "2015-06-30", rowsCompared: 3300, identical: true, firstDifference: null };
 * ```
 */
export interface LookAheadCheck {
  readonly cut: string;
  /** Rows dated on or before `cut` in the full build. */
  readonly rowsCompared: number;
  /** True when the prefix build has exactly those rows, with bit-identical values. */
  readonly identical: boolean;
  /** The first row or value that differs, in words, or `null`. */
  readonly firstDifference: string | null;
}

/**
 * Builds the features twice — from the inputs known on `cut` and from all inputs — and compares
 * every row dated up to `cut` (keys and bit-identical values). A feature that peeked at later data
 * (a centred window, a full-sample normalisation, fundamentals used before their filing date)
 * would differ.
 *
 * @param inputs the full inputs; the universe is fixed from them for both builds.
 * @param cut ISO date; rows dated ≤ cut are compared.
 * @param request the features and sampling (default: the store's defaults).
 * @example
 * ```ts
 * lookAheadCheck(inputs, "2015-06-30").identical; // => true
 * ```
 */
export function lookAheadCheck(
  inputs: FeatureStoreInputs,
  cut: string,
  request: Omit<FeatureRequest, "to"> = {},
  catalogue: readonly FeatureDefinition[] = defaultFeatureCatalogue(),
): LookAheadCheck {
  const full = new FeatureStore(inputs, catalogue);
  const universe = full.universe;
  const all = full.build(request);
  const prefix = new FeatureStore({ ...inputsKnownOn(inputs, cut), universe }, catalogue).build({ ...request, features: request.features ?? full.availableFeatures() });
  let rows = 0;
  while (rows < all.dates.length && all.dates[rows]! <= cut) rows++;
  return { cut, rowsCompared: rows, ...compare(all, prefix, rows) };
}

function compare(all: FeatureFrame, prefix: FeatureFrame, rows: number): { identical: boolean; firstDifference: string | null } {
  if (prefix.dates.length !== rows) return { identical: false, firstDifference: `the prefix build has ${prefix.dates.length} rows, the full build ${rows} up to the cut` };
  for (let i = 0; i < rows; i++) {
    if (prefix.dates[i] !== all.dates[i] || prefix.tickers[i] !== all.tickers[i]) {
      return { identical: false, firstDifference: `row ${i}: ${prefix.tickers[i]} ${prefix.dates[i]} in the prefix build, ${all.tickers[i]} ${all.dates[i]} in the full build` };
    }
    for (let j = 0; j < all.names.length; j++) {
      if (!Object.is(prefix.columns[j]![i], all.columns[j]![i])) {
        return { identical: false, firstDifference: `${all.names[j]} of ${all.tickers[i]} on ${all.dates[i]}: ${prefix.columns[j]![i]} from the data known then, ${all.columns[j]![i]} from all the data` };
      }
    }
  }
  return { identical: true, firstDifference: null };
}

/**
 * A look-ahead check as a one-row table: the cut date, the rows compared (a count), whether they were identical
 * and the first difference (— when none).
 *
 * @example
 * ```ts
 * lookAheadTable(lookAheadCheck(inputs, "2018-01-01", { sampling: monthEnds() }));
 * // cut         rows compared  identical  first difference
 * // 2018-01-01          4,194  yes        —
 * ```
 */
export function lookAheadTable(check: LookAheadCheck): Table {
  const row = { cut: check.cut, "rows compared": check.rowsCompared, identical: check.identical ? "yes" : "no", "first difference": check.firstDifference };
  return tableOfRows([row], { units: { "rows compared": "count" } });
}
