/**
 * What a strategy sees at a rebalance date: the past, and nothing after it.
 */
import { InputError } from "../core/index";
import type { DateTable, LabelledVector } from "../core/index";
import type { TaxLot } from "../optimise/index";
import type { HeldLot } from "./tax-lots";

/**
 * The information set of a strategy at one rebalance date: prices up to and including that date's close (the
 * engine trades at that close), the portfolio as it stands before trading, and a notebook for remarks.
 *
 * Every table it returns is a fresh copy of past rows: its `values` buffer holds no later row, so a strategy
 * cannot peek, and a view kept for later still shows only its own date's past.
 *
 * @example
 * ```ts
 * // inside targetWeights(view), on 2024-03-01:
 * view.date;                          // => "2024-03-01"
 * view.history(2).dates;              // => ["2024-02-29", "2024-03-01"]
 * view.prices.dates.at(-1);           // => "2024-03-01" (never later)
 * ```
 */
export interface BacktestView {
  /** The rebalance date (ISO), the last date the view holds. */
  readonly date: string;
  /** Every ticker of the price table, in column order. */
  readonly tickers: readonly string[];
  /** Tickers with a price on `date`, in column order: the only ones that can be traded (and given a weight). */
  readonly tradable: readonly string[];
  /** Weights of the portfolio before this rebalance (drifted with prices since the last one), every ticker; cash is the rest. */
  readonly weights: LabelledVector;
  /** Portfolio value before this rebalance, in the currency of the prices. */
  readonly value: number;
  /** Every row of the price table from its first date up to and including `date` (a copy; O(rows × tickers) on first access). */
  readonly prices: DateTable;
  /**
   * The last `days` rows up to and including `date` (fewer when the table starts later), as a copy. Cheaper than
   * `prices` for a strategy with a lookback window.
   *
   * @throws InputError BAD_WINDOW unless `days` is a positive integer.
   */
  history(days: number): DateTable;
  /**
   * The tax lots held before this rebalance (ticker, shares, cost basis per share with buying costs, acquisition
   * date), oldest first per ticker, under the backtest's lot accounting (FIFO when it charges no tax); `undefined`
   * when its lot book cannot list them, or when first read after `targetWeights` returned (the rebalance has traded
   * since). What a tax-aware strategy hands the optimiser.
   */
  readonly taxLots: readonly TaxLot[] | undefined;
  /** Records a remark (a fallback taken, a ticker skipped) in the result's `notes`, dated and named. */
  note(message: string): void;
}

/** What the engine knows when it builds a view. */
export interface ViewState {
  readonly table: DateTable;
  /** Row of the rebalance date in `table`. */
  readonly row: number;
  readonly weights: Float64Array;
  readonly value: number;
  readonly note: (message: string) => void;
  /** The lots held, by column (the engine's lot book), or `undefined` once the rebalance has traded; absent when unknown. */
  readonly lots?: () => readonly HeldLot[] | undefined;
}

function copyRows(table: DateTable, from: number, to: number): DateTable {
  const m = table.tickers.length;
  return { dates: table.dates.slice(from, to + 1), tickers: table.tickers, values: table.values.slice(from * m, (to + 1) * m) };
}

/**
 * Builds the view of `state.table` at row `state.row`: copies of past rows only, frozen.
 *
 * @example
 * ```ts
 * const view = createBacktestView({ table: prices, row: 1, weights: new Float64Array(2), value: 100, note: () => {} });
 * view.prices.dates; // => prices.dates.slice(0, 2)
 * ```
 */
export function createBacktestView(state: ViewState): BacktestView {
  const { table, row } = state;
  const m = table.tickers.length;
  const tradable: string[] = [];
  for (let j = 0; j < m; j++) if (!Number.isNaN(table.values[row * m + j]!)) tradable.push(table.tickers[j]!);
  let prices: DateTable | undefined;
  let taxLots: readonly TaxLot[] | undefined;
  const weights: LabelledVector = { labels: table.tickers, values: Float64Array.from(state.weights) };
  return Object.freeze({
    date: table.dates[row]!,
    tickers: table.tickers,
    tradable: Object.freeze(tradable),
    weights,
    value: state.value,
    get prices(): DateTable {
      prices ??= copyRows(table, 0, row);
      return prices;
    },
    history(days: number): DateTable {
      if (!Number.isSafeInteger(days) || days < 1) {
        throw new InputError("BAD_WINDOW", `BacktestView.history: days ${String(days)} must be a whole number ≥ 1, e.g. 252 for a year of daily rows`, { days });
      }
      return copyRows(table, Math.max(0, row - days + 1), row);
    },
    get taxLots(): readonly TaxLot[] | undefined {
      if (taxLots !== undefined) return taxLots;
      const held = state.lots?.(); // listed on first read (O(lots)); after the rebalance has traded, no longer
      if (held === undefined) return undefined;
      taxLots = Object.freeze(held.map((l) => Object.freeze({ ticker: table.tickers[l.ticker]!, shares: l.shares, costBasis: l.costPerShare, acquired: l.acquired || table.dates[0]! })));
      return taxLots;
    },
    note: state.note,
  });
}
