/**
 * The feature store: one code path builds the feature rows for training and for scoring.
 */
import { InputError } from "../core/index";
import type { DateTable, Unit } from "../core/index";
import { explicitDates, monthEnds, type AsOfSampling } from "./as-of-sampling";
import { defaultFeatureCatalogue } from "./default-features";
import type { FeatureDefinition, FeatureSource } from "./feature-definition";
import { unknownFeature, type FeatureFrame } from "./feature-frame";
import { featureUnits } from "./feature-units";
import type { PointInTimeFundamentals, StabilityScore } from "./point-in-time";
import { simpleReturns } from "../measures/index";
import type { TickerHistory } from "./ticker-history";

/**
 * What the store reads. Only `prices` is required; each feature says which input it needs.
 *
 * @example
 * ```ts
 * const inputs: FeatureStoreInputs = { prices: await sql.readPrices(db), fundamentals: await sql.readFundamentals(db), benchmark: "MKTIDX" };
 * ```
 */
export interface FeatureStoreInputs {
  /** Adjusted closes (USD), `nDates × nTickers`, `NaN` = no price (before a listing, or a gap). */
  readonly prices: DateTable;
  /** Canonical fundamentals (e.g. `readFundamentals(db)`), used from their `filedDate` on. */
  readonly fundamentals?: readonly PointInTimeFundamentals[];
  /** Ticker of the benchmark for correlation, beta and alpha, a column of `prices` (the synthetic market's is `"MKTIDX"`). */
  readonly benchmark?: string;
  /**
   * Optional per-company stability scores from the validation layer (feature `stability_score`).
   * Leave out when the validation layer is not run; the feature is then unavailable.
   */
  readonly stabilityScores?: readonly StabilityScore[];
  /**
   * Tickers to build rows for. Default: the tickers with fundamentals when fundamentals are given,
   * else every price column except the benchmark.
   */
  readonly universe?: readonly string[];
}

/** What {@link FeatureStore.build} builds. */
export interface FeatureRequest {
  /** Feature names (default: every feature whose input was given). */
  readonly features?: readonly string[];
  /** Which days become rows (default {@link monthEnds}). */
  readonly sampling?: AsOfSampling;
  /** Keep rows dated on or after this ISO date. */
  readonly from?: string;
  /** Keep rows dated on or before this ISO date. */
  readonly to?: string;
}

/**
 * The feature store. Construct it once from the inputs; `build` gives the rows for training and
 * `asOf` the rows for scoring a single date, through the same code.
 *
 * Rules that keep it free of look-ahead: a row dated t uses prices up to t (interior gaps are
 * forward-filled with the last known price), fundamentals with `filedDate ≤ t` and stability
 * scores with `knownFrom ≤ t`. Building on a prefix of the data gives the same rows up to the
 * prefix's end (tested). Rows where a requested feature is not defined (too little history, no
 * filing yet) are left out and counted in `FeatureFrame.dropped`.
 *
 * @example
 * ```ts
 * const store = new FeatureStore({ prices: market.prices, fundamentals, benchmark: "MKTIDX" });
 * const frame = store.build({ features: ["momentum_252d", "revenue_growth"] });
 * frame.names;                                  // => ["momentum_252d", "revenue_growth"]
 * store.asOf("2025-12-31").tickers.length;      // => 36 (one row per company with data)
 * ```
 */
export class FeatureStore {
  /** Every feature definition the store knows. */
  readonly catalogue: readonly FeatureDefinition[];
  /** Tickers rows are built for. */
  readonly universe: readonly string[];
  /**
   * Unit of every feature of the catalogue, by name, so that rows print themselves:
   * `panel(store.build(), store.units)` shows returns and volatilities in percent, betas with two decimals.
   */
  readonly units: Readonly<Record<string, Unit>>;
  /** The price calendar (ISO dates). */
  readonly dates: readonly string[];
  private readonly histories: readonly TickerHistory[];
  private readonly given: ReadonlySet<FeatureSource>;

  /**
   * @param inputs prices and, optionally, fundamentals, benchmark, stability scores, universe.
   * @param catalogue the feature definitions (default {@link defaultFeatureCatalogue}).
   * @throws InputError SHAPE_MISMATCH / UNSORTED_DATES for a malformed price table,
   *   NON_POSITIVE_PRICE, UNKNOWN_TICKER (benchmark or universe not in the prices), EMPTY_UNIVERSE,
   *   DUPLICATE_FEATURE, BAD_STABILITY_SCORE (a non-finite score).
   */
  constructor(inputs: FeatureStoreInputs, catalogue: readonly FeatureDefinition[] = defaultFeatureCatalogue()) {
    const { prices } = inputs;
    const nDates = prices.dates.length;
    const m = prices.tickers.length;
    if (prices.values.length !== nDates * m) {
      throw new InputError("SHAPE_MISMATCH", `FeatureStore: prices have ${nDates} dates × ${m} tickers but ${prices.values.length} values`);
    }
    for (let i = 1; i < nDates; i++) {
      if (!(prices.dates[i - 1]! < prices.dates[i]!)) {
        throw new InputError("UNSORTED_DATES", `FeatureStore: price dates are not strictly increasing at row ${i} (${prices.dates[i - 1]}, ${prices.dates[i]})`);
      }
    }
    const names = new Set<string>();
    for (const f of catalogue) {
      if (names.has(f.name)) throw new InputError("DUPLICATE_FEATURE", `FeatureStore: the catalogue defines ${f.name} twice`, { feature: f.name });
      names.add(f.name);
    }
    this.catalogue = catalogue;
    this.units = featureUnits(catalogue);
    this.dates = prices.dates;
    const column = new Map(prices.tickers.map((t, j) => [t, j]));
    const needTicker = (t: string, what: string): number => {
      const j = column.get(t);
      if (j === undefined) {
        throw new InputError("UNKNOWN_TICKER", `FeatureStore: ${what} ${t} is not a column of prices (${prices.tickers.slice(0, 8).join(", ")}${m > 8 ? ", …" : ""})`, { ticker: t });
      }
      return j;
    };

    const given = new Set<FeatureSource>(["prices"]);
    let marketReturns: Float64Array | null = null;
    if (inputs.benchmark !== undefined) {
      marketReturns = simpleReturns(forwardFilled(prices, needTicker(inputs.benchmark, "benchmark")));
      given.add("benchmark");
    }
    const fundamentals = inputs.fundamentals ?? [];
    if (inputs.fundamentals !== undefined) given.add("fundamentals");
    const scores = inputs.stabilityScores ?? [];
    if (inputs.stabilityScores !== undefined) given.add("stabilityScores");
    for (const s of scores) {
      if (!Number.isFinite(s.score)) {
        throw new InputError("BAD_STABILITY_SCORE", `FeatureStore: stability score of ${s.ticker} known from ${s.knownFrom} is ${s.score}; scores must be finite`, { ticker: s.ticker });
      }
    }
    this.given = given;

    let universe = inputs.universe;
    if (universe === undefined) {
      universe =
        inputs.fundamentals !== undefined
          ? prices.tickers.filter((t) => fundamentals.some((f) => f.ticker === t))
          : prices.tickers.filter((t) => t !== inputs.benchmark);
    }
    if (universe.length === 0) {
      throw new InputError("EMPTY_UNIVERSE", "FeatureStore: no ticker to build rows for (no price column has fundamentals); pass universe or check the tickers");
    }
    this.universe = [...universe];
    this.histories = this.universe.map((ticker) => {
      const p = forwardFilled(prices, needTicker(ticker, "ticker"));
      const returns = simpleReturns(p);
      let firstPrice = 0;
      while (firstPrice < nDates && Number.isNaN(p[firstPrice]!)) firstPrice++;
      const own = fundamentals.filter((f) => f.ticker === ticker).sort((a, b) => (a.filedDate < b.filedDate ? -1 : a.filedDate > b.filedDate ? 1 : a.fiscalYear - b.fiscalYear));
      const ownScores = scores.filter((s) => s.ticker === ticker).sort((a, b) => (a.knownFrom < b.knownFrom ? -1 : a.knownFrom > b.knownFrom ? 1 : 0));
      return {
        ticker,
        dates: prices.dates,
        prices: p,
        firstPrice,
        returns,
        logReturns: returns.map(Math.log1p),
        marketReturns,
        fundamentals: own,
        filedDates: own.map((f) => f.filedDate),
        stabilityScores: ownScores,
        stabilityDates: ownScores.map((s) => s.knownFrom),
      };
    });
  }

  /**
   * Names of the features whose inputs were given (the default of a request).
   *
   * @example
   * ```ts
   * new FeatureStore({ prices }).availableFeatures().includes("beta_252d"); // => false (no benchmark)
   * ```
   */
  availableFeatures(): string[] {
    return this.catalogue.filter((f) => this.given.has(f.source)).map((f) => f.name);
  }

  /**
   * The definition of a feature.
   *
   * @throws InputError UNKNOWN_FEATURE with close names.
   * @example
   * ```ts
   * store.definition("volatility_63d").description; // => "sd of daily returns over 63 trading days, annualised (× √252)"
   * ```
   */
  definition(name: string): FeatureDefinition {
    const f = this.catalogue.find((d) => d.name === name);
    if (f === undefined) throw unknownFeature("FeatureStore", [name], this.catalogue.map((d) => d.name));
    return f;
  }

  /**
   * Builds the feature rows: every ticker of the universe at every sampled date, keeping rows
   * whose requested features are all defined.
   *
   * @throws InputError UNKNOWN_FEATURE (naming it, with close names), MISSING_INPUT (a feature
   *   needs fundamentals, a benchmark or stability scores that were not given),
   *   TOO_FEW_OBSERVATIONS (no ticker has enough prices for a feature's window).
   * @example
   * ```ts
   * store.build({ features: ["momentum_252d"], from: "2010-01-01" }).dates[0]; // => "2010-01-29"
   * ```
   */
  build(request: FeatureRequest = {}): FeatureFrame {
    const names = request.features ?? this.availableFeatures();
    const missing = names.filter((n) => !this.catalogue.some((d) => d.name === n));
    if (missing.length > 0) throw unknownFeature("FeatureStore.build", missing, this.catalogue.map((d) => d.name));
    const defs = names.map((n) => this.definition(n));
    for (const d of defs) {
      if (!this.given.has(d.source)) {
        throw new InputError(
          "MISSING_INPUT",
          `FeatureStore.build: feature ${d.name} needs ${d.source === "benchmark" ? "a benchmark" : d.source} but the store was built without; pass FeatureStoreInputs.${d.source === "benchmark" ? "benchmark" : d.source} or drop the feature`,
          { feature: d.name },
        );
      }
      const longest = Math.max(...this.histories.map((h) => this.dates.length - h.firstPrice));
      if (d.lookback >= longest) {
        throw new InputError(
          "TOO_FEW_OBSERVATIONS",
          `FeatureStore.build: feature ${d.name} needs ${d.lookback + 1} prices but the longest history has ${longest}; pass more history or a shorter window`,
          { feature: d.name, needed: d.lookback + 1, longest },
        );
      }
    }
    const sampling = request.sampling ?? monthEnds();
    const from = request.from ?? "";
    const to = request.to ?? "9999-12-31";
    const at = Int32Array.from(Array.from(sampling.select(this.dates)).filter((i) => this.dates[i]! >= from && this.dates[i]! <= to));

    // values[ticker][feature] at every sampled index
    const perTicker = this.histories.map((h) => {
      const observed = this.dates.length - h.firstPrice;
      return defs.map((d) => (observed > d.lookback ? d.compute(h, at) : new Float64Array(at.length).fill(Number.NaN)));
    });
    const dropped: Record<string, number> = {};
    const rows: { k: number; u: number }[] = [];
    for (let k = 0; k < at.length; k++) {
      for (let u = 0; u < this.histories.length; u++) {
        const h = this.histories[u]!;
        if (at[k]! < h.firstPrice) continue; // not listed yet: no row at all
        let bad = -1;
        for (let j = 0; j < defs.length; j++) {
          if (!Number.isFinite(perTicker[u]![j]![k]!)) {
            bad = j;
            break;
          }
        }
        if (bad >= 0) dropped[defs[bad]!.name] = (dropped[defs[bad]!.name] ?? 0) + 1;
        else rows.push({ k, u });
      }
    }
    const columns = defs.map((_, j) => Float64Array.from(rows, (r) => perTicker[r.u]![j]![r.k]!));
    return {
      names: [...names],
      columns,
      dates: rows.map((r) => this.dates[at[r.k]!]!),
      tickers: rows.map((r) => this.histories[r.u]!.ticker),
      dropped,
    };
  }

  /**
   * The rows for one as-of date (for scoring), built by the same code as {@link FeatureStore.build}.
   *
   * @throws InputError UNKNOWN_DATE when the date is not in the price calendar, and as `build`.
   * @example
   * ```ts
   * store.asOf("2025-12-31", { features: ["momentum_252d"] }).dates[0]; // => "2025-12-31"
   * ```
   */
  asOf(date: string, request: Omit<FeatureRequest, "sampling" | "from" | "to"> = {}): FeatureFrame {
    return this.build({ ...request, sampling: explicitDates([date]) });
  }
}

/** Column `j` of the prices, forward-filled over interior gaps, `NaN` before the first price. */
function forwardFilled(prices: DateTable, j: number): Float64Array {
  const n = prices.dates.length;
  const m = prices.tickers.length;
  const out = new Float64Array(n);
  let last = Number.NaN;
  for (let i = 0; i < n; i++) {
    const p = prices.values[i * m + j]!;
    if (!Number.isNaN(p)) {
      if (!(p > 0 && p < Infinity)) {
        throw new InputError("NON_POSITIVE_PRICE", `FeatureStore: price of ${prices.tickers[j]} on ${prices.dates[i]} is ${p}; prices must be positive and finite (NaN marks a missing price)`, {
          ticker: prices.tickers[j],
          date: prices.dates[i],
        });
      }
      last = p;
    }
    out[i] = last;
  }
  return out;
}
