/**
 * The walk-forward backtest engine: a strategy, a price table, a rebalancing rule and costs in; an equity curve,
 * every trade and every rebalance out.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { DataError, InfeasibleError, InputError, NumericalError, SourceError, WorkbookError } from "../core/index";
import type { DateTable, LabelledVector } from "../core/index";
import type { BacktestProgressCallback } from "./backtest-progress";
import type { BacktestResult, RebalanceRecord, Trade } from "./backtest-result";
import { createBacktestView } from "./backtest-view";
import { calendarRebalance } from "./calendar-rebalance";
import { checkPriceTable } from "./check-price-table";
import { hashParameters, hashPriceTable } from "./content-hash";
import type { ImpactInput } from "./market-impact";
import type { RebalanceRule } from "./rebalance-rule";
import { RollingMoments, simpleReturns } from "../measures/index";
import type { Strategy } from "./strategy";
import { checkTaxOptions, fifoLots, TaxLedger, type LotBook, type TaxOptions } from "./tax-lots";
import { checkTransactionCosts, costOf, type TransactionCosts } from "./transaction-costs";

/** Starting capital when none is given: 1,000,000 in the currency of the prices. */
export const DEFAULT_CAPITAL = 1_000_000;
/** Trailing days of returns behind the daily volatility an impact model sees. */
export const DEFAULT_VOLATILITY_WINDOW = 21;
/** Trailing days of volume behind the average daily volume an impact model sees. */
export const DEFAULT_VOLUME_WINDOW = 20;

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  /** Starting cash, in the currency of the prices. Default {@link DEFAULT_CAPITAL} (1,000,000). */
  readonly capital?: number;
  /** When to rebalance after the initial investment. Default `calendarRebalance("monthly")`. */
  readonly rebalance?: RebalanceRule;
  /** Commission, spread and impact. Default none (free trading). */
  readonly costs?: TransactionCosts;
  /** Tax on realised gains. Default none. */
  readonly tax?: TaxOptions;
  /** Trade fractional shares. Default `false`: whole shares, target holdings rounded down, a little cash left over. */
  readonly fractionalShares?: boolean;
  /** Let cash go negative (borrowing at `cashRate`) and weights sum above 1. Default `false`: cash never goes below 0. */
  readonly allowLeverage?: boolean;
  /** Annual interest on cash (and on borrowing), a fraction, accrued per trading day as `(1 + rate)^(1/252) − 1`. Default 0. */
  readonly cashRate?: number;
  /**
   * First trading day: the first date on or after it. Earlier rows stay visible to the strategy as history.
   * Default: `strategy.warmUpDays` rows into the table (the first row when it has none; with an impact model at
   * least the third, so that 2 daily returns give a volatility).
   */
  readonly start?: string;
  /** Last trading day: the last date on or before it. Default the table's last date. Later rows are never read. */
  readonly end?: string;
  /** Daily volumes in shares, same dates as the prices (tickers matched by name): needed by impact models that read volume. */
  readonly volumes?: DateTable;
  /**
   * Trailing days behind the daily volatility seen by the impact model. Default 21. A ticker with fewer than 2
   * returns in the window (just listed) is given the median of the other tickers' volatilities that day (noted).
   */
  readonly volatilityWindow?: number;
  /** Trailing days behind the average daily volume seen by the impact model. Default 20. */
  readonly volumeWindow?: number;
  /** Called after every rebalance and after the last day. */
  readonly onProgress?: BacktestProgressCallback;
}

function firstOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAfter(dates: readonly string[], date: string): number {
  const i = firstOnOrAfter(dates, date);
  return dates[i] === date ? i + 1 : i;
}

function checkIsoDate(caller: string, name: string, value: string | undefined): void {
  if (value !== undefined && (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
    throw new InputError("BAD_DATE", `${caller}: ${name} ${JSON.stringify(value)} is not an ISO date YYYY-MM-DD`, { [name]: value });
  }
}

function positiveNumber(caller: string, name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError("BAD_OPTION", `${caller}: ${name} ${String(value)} must be a positive finite number`, { [name]: value });
  }
  return value;
}

function windowOption(caller: string, name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 2) throw new InputError("BAD_WINDOW", `${caller}: ${name} ${String(value)} must be a whole number of days ≥ 2`, { [name]: value });
  return value;
}

const REWRAPPED = [InputError, DataError, InfeasibleError, NumericalError, SourceError] as const;

/** Rethrows a strategy's typed error with the strategy and date in front, keeping its class and code (other errors unchanged). */
function inStrategy(e: unknown, strategy: string, date: string): unknown {
  const Kind = REWRAPPED.find((k) => e instanceof WorkbookError && e.constructor === k);
  if (Kind === undefined) return e;
  const error = e as WorkbookError;
  return new Kind(error.code, `runBacktest: strategy "${strategy}" on ${date}: ${error.message}`, { ...error.details, strategy, date }, { cause: e });
}

/**
 * Runs a walk-forward backtest of one strategy on a table of prices.
 *
 * Each trading day from `start` to `end`, in order:
 * 1. prices move: holdings are valued at the day's close (a ticker without a price that day keeps its last
 *    close), cash earns `cashRate`, and weights drift;
 * 2. on the first day, and whenever the rebalancing rule says so, the strategy is asked for target weights. It
 *    gets a {@link BacktestView}: copies of the price rows up to and including this day, never a later one (the
 *    engine enforces it; a strategy cannot reach a later row through the view);
 * 3. orders move each holding to `target × value / close` shares (rounded down to whole shares unless
 *    `fractionalShares`), and execute at the day's close: sales first, then purchases. Each pays commission,
 *    half the spread and market impact (see {@link TransactionCosts}), and a sale pays tax on its realised gain
 *    (see {@link TaxOptions}). When cash after the sales cannot pay for every purchase and its costs, all
 *    purchases are scaled down by the same factor (recorded as `buyScale`), so cash never goes below 0 unless
 *    `allowLeverage`;
 * 4. the day's closing value is recorded.
 *
 * The strategy decides and trades on the same close: an idealisation (in practice one trades shortly after), paid
 * for by the spread and impact costs; no later price is ever used.
 *
 * Performance: the daily loop works on `Float64Array`s in O(tickers) per day; rolling volatility and volume for
 * the impact model are updated incrementally; the strategy's cost at each rebalance (its estimators and
 * optimiser) dominates.
 *
 * @param prices closes (adjusted for splits and dividends), `nDates × nTickers`, `NaN` = no price that day; not changed.
 * @param strategy the strategy object.
 * @param options capital, rebalancing rule, costs, tax, shares, leverage, dates, volumes, progress (see {@link BacktestOptions}).
 * @returns the equity curve, trades, rebalances, totals, notes and input versions.
 * @throws InputError for a malformed table or option, a date range holding no rows, a strategy answer that is not
 *   a valid weight vector (unknown or untradable ticker with a weight, a negative or non-finite weight, weights
 *   summing above 1 without leverage), a missing `volumes` table an impact model needs.
 * @throws InfeasibleError RUINED when, with leverage, the portfolio's value falls to 0 or below.
 * @throws whatever the strategy throws, its message prefixed with the strategy's name and the date.
 *
 * @example
 * ```ts
 * const prices = { dates: ["2024-01-31", "2024-02-01"], tickers: ["A", "B"], values: Float64Array.of(100, 50, 110, 48) };
 * const result = await runBacktest(prices, fixedWeights({ A: 0.5, B: 0.3 }), { capital: 10_000, costs: { commissionBps: 10, commissionPerShare: 0.01, spreadBps: 20 } });
 * result.trades.length;  // => 4 (two buys on the first day, a sale of A and a purchase of B on 1 February)
 * result.equity[1];      // => ≈ 10361.786
 * ```
 */
export async function runBacktest(prices: DateTable, strategy: Strategy, options: BacktestOptions = {}): Promise<BacktestResult> {
  const caller = "runBacktest";
  const started = Date.now();
  checkPriceTable(prices, caller, "prices");
  if (!strategy || typeof strategy.targetWeights !== "function" || typeof strategy.name !== "string") {
    throw new InputError("BAD_STRATEGY", `${caller}: pass a strategy object { name, parameters, targetWeights(view) }, e.g. equalWeight()`, {});
  }
  const capital = positiveNumber(caller, "capital", options.capital ?? DEFAULT_CAPITAL);
  const rule = options.rebalance ?? calendarRebalance("monthly");
  if (!rule || typeof rule.isDue !== "function") throw new InputError("BAD_OPTION", `${caller}: rebalance must be a rule such as calendarRebalance("monthly") or driftRebalance(0.05)`, {});
  const costs = checkTransactionCosts(options.costs);
  const tax = options.tax === undefined ? undefined : checkTaxOptions(options.tax);
  const fractional = options.fractionalShares ?? false;
  const leverage = options.allowLeverage ?? false;
  const cashRate = options.cashRate ?? 0;
  if (typeof cashRate !== "number" || !Number.isFinite(cashRate) || cashRate <= -1) {
    throw new InputError("BAD_OPTION", `${caller}: cashRate ${String(cashRate)} must be a finite annual rate above −1, e.g. 0.02`, { cashRate });
  }
  checkIsoDate(caller, "start", options.start);
  checkIsoDate(caller, "end", options.end);

  const dates = prices.dates;
  const tickers = prices.tickers;
  const m = tickers.length;
  const nDates = dates.length;
  const warmUp = strategy.warmUpDays ?? 0;
  if (!Number.isSafeInteger(warmUp) || warmUp < 0) throw new InputError("BAD_STRATEGY", `${caller}: strategy ${strategy.name} has warmUpDays ${String(warmUp)}; it must be a whole number ≥ 0`, {});
  // An impact model needs 2 daily returns to estimate volatility: by default, start no earlier than row 2.
  const first = options.start !== undefined ? firstOnOrAfter(dates, options.start) : Math.min(Math.max(warmUp, costs.impact ? 2 : 0), nDates - 1);
  const last = options.end !== undefined ? firstAfter(dates, options.end) - 1 : nDates - 1;
  if (first >= nDates || last < first) {
    throw new InputError(
      "EMPTY_DATE_RANGE",
      `${caller}: no trading day between ${options.start ?? dates[first] ?? "(after the table)"} and ${options.end ?? dates[nDates - 1]}; the prices span ${dates[0]} … ${dates[nDates - 1]}: choose a start and end within that span`,
      { start: options.start, end: options.end },
    );
  }

  // Impact model inputs: rolling daily volatility always, rolling volume when the model reads it.
  const impact = costs.impact;
  let volumeColumns: Int32Array | undefined;
  let volumeValues: Float64Array | undefined;
  if (impact?.needsVolume) {
    const volumes = options.volumes;
    if (!volumes) {
      throw new InputError("NO_VOLUMES", `${caller}: the impact model ${impact.name} reads daily volumes; pass volumes (a DateTable of shares traded, same dates as the prices) or use costs without it`, {});
    }
    checkPriceTable(volumes, caller, "volumes", true);
    if (volumes.dates.length !== nDates || volumes.dates.some((d, i) => d !== dates[i])) {
      throw new InputError("DATE_MISMATCH", `${caller}: volumes must have the same dates as the prices (${nDates} rows from ${dates[0]}); align them first`, {});
    }
    const index = new Map(volumes.tickers.map((t, j) => [t, j]));
    volumeColumns = Int32Array.from(tickers, (t) => index.get(t) ?? -1);
    volumeValues = volumes.values;
  }
  const volatilityWindow = windowOption(caller, "volatilityWindow", options.volatilityWindow ?? DEFAULT_VOLATILITY_WINDOW);
  const volumeWindow = windowOption(caller, "volumeWindow", options.volumeWindow ?? DEFAULT_VOLUME_WINDOW);
  const returnStats = impact ? new RollingMoments(m, volatilityWindow) : undefined;
  const volumeStats = volumeColumns ? new RollingMoments(m, volumeWindow) : undefined;
  // Daily returns of every column (stride m; the first row NaN), for the impact model's trailing volatility.
  const dailyReturns = returnStats ? simpleReturns(prices.values, m) : undefined;
  const rowVolumes = new Float64Array(m);
  const pushStats = (t: number): void => {
    if (returnStats) returnStats.push(dailyReturns!.subarray(t * m, (t + 1) * m));
    if (volumeStats) {
      const vm = options.volumes!.tickers.length;
      for (let j = 0; j < m; j++) rowVolumes[j] = volumeColumns![j]! < 0 ? Number.NaN : volumeValues![t * vm + volumeColumns![j]!]!;
      volumeStats.push(rowVolumes);
    }
  };
  for (let t = Math.max(0, first - Math.max(volatilityWindow, volumeWindow) + 1); t < first; t++) pushStats(t);

  // State.
  const shares = new Float64Array(m);
  const lastPrice = new Float64Array(m).fill(Number.NaN);
  for (let t = 0; t < first; t++) {
    for (let j = 0; j < m; j++) {
      const p = prices.values[t * m + j]!;
      if (p === p) lastPrice[j] = p;
    }
  }
  const weights = new Float64Array(m);
  let target: Float64Array = new Float64Array(m);
  const desired = new Float64Array(m);
  let cash = capital;
  const days = last - first + 1;
  const equity = new Float64Array(days);
  const cashSeries = new Float64Array(days);
  const returns = new Float64Array(days);
  const trades: Trade[] = [];
  const rebalances: RebalanceRecord[] = [];
  const notes: string[] = [];
  // The lots held: the tax's accounting when tax is charged, FIFO otherwise (then only shown to the strategy).
  const lots: LotBook = (tax?.lots ?? fifoLots).createBook();
  const ledger = tax ? new TaxLedger(tax.rate) : undefined;
  const dailyCashGrowth = Math.pow(1 + cashRate, 1 / TRADING_DAYS_PER_YEAR) - 1;
  const totals = { commission: 0, spread: 0, impact: 0, cost: 0, tax: 0, cashInterest: 0, traded: 0 };
  let labelCache: { labels: readonly string[]; index: Int32Array } | undefined;
  const tickerIndex = new Map(tickers.map((t, j) => [t, j]));

  const valueNow = (): number => {
    let v = cash;
    for (let j = 0; j < m; j++) if (shares[j] !== 0) v += shares[j]! * lastPrice[j]!;
    return v;
  };

  const readTarget = (answer: LabelledVector, date: string, row: number): Float64Array => {
    const where = `${caller}: strategy "${strategy.name}" on ${date}`;
    if (!answer || !Array.isArray(answer.labels) || !answer.values || answer.labels.length !== answer.values.length) {
      throw new InputError("BAD_WEIGHTS", `${where} returned ${answer ? `${answer.labels?.length} labels and ${answer.values?.length} values` : String(answer)}; return a LabelledVector of weights`, { date });
    }
    if (labelCache === undefined || labelCache.labels !== answer.labels) {
      const index = new Int32Array(answer.labels.length);
      const seen = new Set<string>();
      answer.labels.forEach((label, k) => {
        const j = tickerIndex.get(label);
        if (j === undefined) throw new InputError("UNKNOWN_TICKER", `${where} gave a weight to ${label}, which is not a column of the prices; weight only the tickers of the price table, or add a ${label} column`, { date, ticker: label });
        if (seen.has(label)) throw new InputError("DUPLICATE_TICKER", `${where} gave ${label} two weights; give each ticker one`, { date, ticker: label });
        seen.add(label);
        index[k] = j;
      });
      labelCache = { labels: answer.labels, index };
    }
    const out = new Float64Array(m);
    let sum = 0;
    for (let k = 0; k < answer.values.length; k++) {
      const w = answer.values[k]!;
      const j = labelCache.index[k]!;
      const ticker = tickers[j]!;
      if (!Number.isFinite(w) || w < 0) {
        throw new InputError("BAD_WEIGHTS", `${where} gave ${ticker} the weight ${w}; weights must be finite and ≥ 0 (the backtest is long only)`, { date, ticker, weight: w });
      }
      if (w > 0 && Number.isNaN(prices.values[row * m + j]!)) {
        throw new InputError("UNTRADABLE_TICKER", `${where} gave ${ticker} the weight ${w}, but ${ticker} has no price that day; give it 0 (view.tradable lists the tickers that can be traded)`, { date, ticker });
      }
      out[j] = w;
      sum += w;
    }
    if (!leverage && sum > 1 + 1e-6) {
      throw new InputError("LEVERAGED_WEIGHTS", `${where} returned weights summing to ${sum.toFixed(6)} > 1; normalise them, or pass allowLeverage: true to borrow`, { date, sum });
    }
    // A solver's round-off (a sum of 1 + 2e-9, say) is not leverage: the weights are scaled back to a sum of 1.
    // Up to 1 + 1e-9 they are traded as given, as before.
    if (!leverage && sum > 1 + 1e-9) for (let j = 0; j < m; j++) out[j] = out[j]! / sum;
    return out;
  };

  let rebalanceCount = 0;
  let reported = 0;
  for (let t = first; t <= last; t++) {
    const k = t - first;
    const date = dates[t]!;
    const row = t * m;
    for (let j = 0; j < m; j++) {
      const p = prices.values[row + j]!;
      if (p === p) lastPrice[j] = p;
    }
    if (k > 0 && cash !== 0 && dailyCashGrowth !== 0) {
      const interest = cash * dailyCashGrowth;
      cash += interest;
      totals.cashInterest += interest;
    }
    if (returnStats || volumeStats) pushStats(t);
    let value = valueNow();
    if (!(value > 0)) {
      throw new InfeasibleError("RUINED", `${caller}: strategy "${strategy.name}" is worth ${value.toFixed(2)} on ${date}; with leverage the portfolio can lose everything — lower the leverage`, { date, value });
    }
    for (let j = 0; j < m; j++) weights[j] = shares[j] === 0 ? 0 : (shares[j]! * lastPrice[j]!) / value;

    const due = k === 0 || rule.isDue({ date, previousDate: k === 0 ? null : dates[t - 1]!, tickers, weights, target });
    if (due) {
      const note = (message: string) => notes.push(`${date} ${strategy.name}: ${message}`);
      let lotsReadable = true; // the view lists the lots while the strategy decides, not after the trades
      const view = createBacktestView({ table: prices, row: t, weights, value, note, lots: lots.held ? () => (lotsReadable ? lots.held!() : undefined) : undefined });
      let answer: LabelledVector;
      try {
        answer = await strategy.targetWeights(view);
      } catch (e) {
        throw inStrategy(e, strategy.name, date);
      } finally {
        lotsReadable = false;
      }
      target = readTarget(answer, date, t);
      const record = { commission: 0, spread: 0, impact: 0, cost: 0, tax: 0, traded: 0, orders: 0, buyScale: 1 };
      const untraded: string[] = [];
      for (let j = 0; j < m; j++) {
        const p = prices.values[row + j]!;
        if (p !== p) {
          desired[j] = shares[j]!;
          if (shares[j] !== 0) untraded.push(tickers[j]!);
          continue;
        }
        const exact = (target[j]! * value) / p;
        desired[j] = fractional ? exact : Math.floor(exact + 1e-9);
        const delta = desired[j]! - shares[j]!;
        if (Math.abs(delta) <= 1e-9 * Math.max(1, Math.abs(shares[j]!))) desired[j] = shares[j]!;
      }
      if (untraded.length > 0) note(`no price for ${untraded.join(", ")}: held positions kept as they were`);

      const execute = (j: number, side: "buy" | "sell", qty: number, cost: ReturnType<typeof costOf>): void => {
        const p = prices.values[row + j]!;
        const notional = qty * p;
        let taxDue = 0;
        let gain: number | null = null;
        if (side === "sell") {
          const realised = lots.sell(j, qty, (notional - cost.total) / qty);
          if (ledger) {
            gain = realised;
            taxDue = ledger.realise(gain);
          }
          cash += notional - cost.total - taxDue;
          shares[j] = shares[j]! - qty;
          if (!fractional) shares[j] = Math.round(shares[j]!);
          else if (Math.abs(shares[j]!) <= 1e-12 * qty) shares[j] = 0;
        } else {
          lots.buy(j, qty, (notional + cost.total) / qty, date);
          cash -= notional + cost.total;
          shares[j] = shares[j]! + qty;
        }
        trades.push({ date, ticker: tickers[j]!, side, shares: qty, price: p, notional, commission: cost.commission, spread: cost.spread, impact: cost.impact, cost: cost.total, tax: taxDue, realisedGain: gain });
        record.commission += cost.commission;
        record.spread += cost.spread;
        record.impact += cost.impact;
        record.cost += cost.total;
        record.tax += taxDue;
        record.traded += notional;
        record.orders++;
      };
      // A ticker without 2 returns in the volatility window (just listed) gets the median of the others' volatilities.
      let medianVolatility: number | undefined;
      const standIns = new Set<string>();
      const volatilityOf = (j: number): number => {
        if (!returnStats) return Number.NaN;
        const own = returnStats.standardDeviation(j);
        if (!Number.isNaN(own)) return own;
        if (medianVolatility === undefined) {
          const known: number[] = [];
          for (let i = 0; i < m; i++) {
            const s = returnStats.standardDeviation(i);
            if (!Number.isNaN(s)) known.push(s);
          }
          known.sort((a, b) => a - b);
          medianVolatility = known.length === 0 ? Number.NaN : known.length % 2 === 1 ? known[(known.length - 1) / 2]! : (known[known.length / 2 - 1]! + known[known.length / 2]!) / 2;
        }
        if (Number.isNaN(medianVolatility)) {
          throw new InputError(
            "NO_VOLATILITY",
            `${caller}: the impact model ${impact!.name} needs each traded ticker's daily volatility, but on ${date} no ticker has 2 daily returns in the last ${volatilityWindow} days; start the backtest on or after ${dates[Math.min(nDates - 1, 2)]}`,
            { date },
          );
        }
        standIns.add(tickers[j]!);
        return medianVolatility;
      };
      const orderInput = (j: number, qty: number): ImpactInput => {
        const p = prices.values[row + j]!;
        return {
          ticker: tickers[j]!,
          shares: qty,
          price: p,
          notional: qty * p,
          dailyVolatility: volatilityOf(j),
          averageDailyVolume: volumeStats ? volumeStats.mean(j) : Number.NaN,
        };
      };
      const costFor = (j: number, qty: number) => costOf(costs.commissionBps, costs.commissionPerShare, costs.spreadBps, impact, orderInput(j, qty));

      // Sales first: their proceeds pay for the purchases.
      for (let j = 0; j < m; j++) {
        const qty = shares[j]! - desired[j]!;
        if (!(qty > 0)) continue;
        const cost = costFor(j, qty);
        if (cost.total >= qty * prices.values[row + j]!) {
          note(`sale of ${qty} ${tickers[j]} skipped: its cost ${cost.total.toFixed(2)} exceeds its proceeds`);
          continue;
        }
        execute(j, "sell", qty, cost);
      }
      // Purchases, scaled down together when cash cannot pay for them all.
      const buys: number[] = [];
      const buyQty: number[] = [];
      let needed = 0;
      for (let j = 0; j < m; j++) {
        const qty = desired[j]! - shares[j]!;
        if (!(qty > 0)) continue;
        buys.push(j);
        buyQty.push(qty);
        needed += qty * prices.values[row + j]! + costFor(j, qty).total;
      }
      if (buys.length > 0) {
        if (!leverage && needed > cash) {
          const scale = Math.max(0, cash / needed) * (1 - 1e-12);
          record.buyScale = scale;
          for (let b = 0; b < buys.length; b++) buyQty[b] = fractional ? buyQty[b]! * scale : Math.floor(buyQty[b]! * scale);
          // Rounding cannot raise the bill above cash (costs grow at least linearly), but check and trim to be sure.
          let bill = 0;
          const bills = buys.map((j, b) => (buyQty[b]! > 0 ? buyQty[b]! * prices.values[row + j]! + costFor(j, buyQty[b]!).total : 0));
          for (const x of bills) bill += x;
          while (bill > cash && buyQty.some((q) => q > 0)) {
            let largest = 0;
            for (let b = 1; b < buys.length; b++) if (bills[b]! > bills[largest]!) largest = b;
            const j = buys[largest]!;
            buyQty[largest] = fractional ? buyQty[largest]! * (1 - 1e-9) : Math.max(0, buyQty[largest]! - 1);
            bill -= bills[largest]!;
            bills[largest] = buyQty[largest]! > 0 ? buyQty[largest]! * prices.values[row + j]! + costFor(j, buyQty[largest]!).total : 0;
            bill += bills[largest]!;
          }
        }
        for (let b = 0; b < buys.length; b++) if (buyQty[b]! > 0) execute(buys[b]!, "buy", buyQty[b]!, costFor(buys[b]!, buyQty[b]!));
        // Paying exactly the cash available (a fully invested, cost-free target) can leave −1e-12 of round-off.
        if (!leverage && cash < 0 && cash > -1e-9 * value) cash = 0;
      }
      if (standIns.size > 0) note(`${[...standIns].join(", ")} had under 2 daily returns in the volatility window: impact used the median volatility of the others (${(medianVolatility! * 100).toFixed(2)} % a day)`);
      rebalanceCount++;
      totals.commission += record.commission;
      totals.spread += record.spread;
      totals.impact += record.impact;
      totals.cost += record.cost;
      totals.tax += record.tax;
      totals.traded += record.traded;
      rebalances.push({
        date,
        valueBefore: value,
        target: { labels: tickers, values: target },
        orders: record.orders,
        traded: record.traded,
        turnover: record.traded / (2 * value),
        commission: record.commission,
        spread: record.spread,
        impact: record.impact,
        cost: record.cost,
        tax: record.tax,
        buyScale: record.buyScale,
      });
      value = valueNow();
      reported = k + 1;
      options.onProgress?.({ strategy: strategy.name, date, done: reported, total: days, rebalances: rebalanceCount, elapsedMs: Date.now() - started });
    }
    equity[k] = value;
    cashSeries[k] = cash;
    returns[k] = value / (k === 0 ? capital : equity[k - 1]!) - 1;
  }
  if (reported < days) options.onProgress?.({ strategy: strategy.name, date: dates[last]!, done: days, total: days, rebalances: rebalanceCount, elapsedMs: Date.now() - started });

  return {
    strategy: strategy.name,
    parameters: strategy.parameters,
    settings: {
      capital,
      start: dates[first]!,
      end: dates[last]!,
      rebalance: rule.name,
      fractionalShares: fractional,
      allowLeverage: leverage,
      cashRate,
      costs: { commissionBps: costs.commissionBps, commissionPerShare: costs.commissionPerShare, spreadBps: costs.spreadBps, impact: impact ? { name: impact.name, ...impact.parameters } : null },
      tax: tax ? { rate: tax.rate, lots: tax.lots.name } : null,
    },
    dates: dates.slice(first, last + 1),
    equity,
    cash: cashSeries,
    returns,
    trades,
    rebalances,
    finalHoldings: { labels: tickers, values: shares },
    finalPrices: { labels: tickers, values: lastPrice },
    totals,
    notes,
    versions: {
      data: hashPriceTable(prices, last),
      strategy: hashParameters({ name: strategy.name, parameters: strategy.parameters }),
      signal: strategy.signalVersion ?? null,
      model: strategy.modelVersion ?? null,
    },
    elapsedMs: Date.now() - started,
  };
}
