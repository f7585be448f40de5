/**
 * Tax on realised gains: lot accounting and the tax settings of a backtest.
 */
import { InputError } from "../core/index";

/**
 * The tax lots of a portfolio, by ticker column: what was paid for the shares held, so a sale can say what it
 * gained. Costs include buying costs and proceeds are net of selling costs, as a tax return counts them.
 *
 * @example
 * ```ts
 * const book = fifoLots.createBook();
 * book.buy(0, 10, 100);
 * book.sell(0, 4, 110); // => 40 (4 × (110 − 100))
 * ```
 */
export interface LotBook {
  /**
   * Records a purchase of `shares` (> 0) of column `ticker` at `costPerShare` (price plus buying costs per share),
   * on `date` (ISO; kept as the lot's acquisition date).
   */
  buy(ticker: number, shares: number, costPerShare: number, date?: string): void;
  /**
   * Records a sale of `shares` (> 0) at `proceedsPerShare` (price minus selling costs per share) and returns the
   * realised gain in money (negative for a loss).
   */
  sell(ticker: number, shares: number, proceedsPerShare: number): number;
  /** The lots held, oldest first within a column (optional: a book without it shows strategies no lots). */
  held?(): readonly HeldLot[];
}

/**
 * One lot a {@link LotBook} holds: `shares` of column `ticker` at `costPerShare` (money), bought on `acquired`
 * (ISO; `""` when the purchase was recorded without a date).
 *
 * @example
 * ```ts
 * const lot: HeldLot = { ticker: 0, shares: 10, costPerShare: 100.05, acquired: "2024-01-02" };
 * ```
 */
export interface HeldLot {
  readonly ticker: number;
  readonly shares: number;
  readonly costPerShare: number;
  readonly acquired: string;
}

/** A lot in a book's queue: mutable shares. */
interface OpenLot {
  shares: number;
  readonly cost: number;
  readonly date: string;
}

/**
 * A book of lots per column whose sales take from the lot `pick` chooses first (FIFO: the oldest; HIFO: the
 * highest cost).
 */
function queueBook(pick: (queue: readonly OpenLot[]) => number): LotBook {
  const lots = new Map<number, OpenLot[]>();
  return {
    buy(ticker, shares, costPerShare, date = "") {
      const queue = lots.get(ticker) ?? [];
      queue.push({ shares, cost: costPerShare, date });
      lots.set(ticker, queue);
    },
    sell(ticker, shares, proceedsPerShare) {
      const queue = lots.get(ticker) ?? [];
      let left = shares;
      let gain = 0;
      while (left > 1e-12 && queue.length > 0) {
        const k = pick(queue);
        const lot = queue[k]!;
        const take = Math.min(lot.shares, left);
        gain += take * (proceedsPerShare - lot.cost);
        lot.shares -= take;
        left -= take;
        if (lot.shares <= 1e-12) queue.splice(k, 1);
      }
      if (left > 1e-9) throw new InputError("OVERSOLD", `tax lots: sold ${shares} shares of column ${ticker} but only ${shares - left} were held`, { ticker });
      return gain;
    },
    held() {
      return [...lots].flatMap(([ticker, queue]) => queue.map((l) => ({ ticker, shares: l.shares, costPerShare: l.cost, acquired: l.date })));
    },
  };
}

/**
 * A lot-accounting method: which purchase a sale is matched against.
 *
 * @example
 * ```ts
 * const method: LotAccounting = fifoLots; // or averageCostLots, highestCostLots
 * ```
 */
export interface LotAccounting {
  readonly name: string;
  createBook(): LotBook;
}

/**
 * Tax on realised gains, charged to cash at each sale.
 *
 * Simplifications, stated: the tax is paid when the gain is realised (not at year end); a realised loss is carried
 * forward without limit and offsets later gains; no distinction between short- and long-term gains; no wash-sale
 * rule; no tax on dividends (prices are adjusted closes, so dividends are reinvested untaxed).
 *
 * @example
 * ```ts
 * const tax: TaxOptions = { rate: 0.15, lots: fifoLots };
 * ```
 */
export interface TaxOptions {
  /** Tax rate on net realised gains, a fraction in [0, 1). */
  readonly rate: number;
  /** Lot accounting: {@link fifoLots}, {@link averageCostLots} or {@link highestCostLots}. */
  readonly lots: LotAccounting;
}

/**
 * First in, first out: a sale is matched against the oldest shares still held.
 *
 * @example
 * ```ts
 * const book = fifoLots.createBook();
 * book.buy(0, 10, 100); book.buy(0, 10, 120);
 * book.sell(0, 15, 130); // => 10 × 30 + 5 × 10 = 350
 * ```
 */
export const fifoLots: LotAccounting = {
  name: "FIFO",
  createBook: () => queueBook(() => 0),
};

/**
 * Highest cost first (HIFO, a specific identification): a sale is matched against the shares of highest cost still
 * held, so it realises the smallest gain (or the largest loss) it can — the lots a tax-aware rebalance prefers to
 * sell (`optimise.costAwareRebalance` sells a ticker's lots cheapest tax first, and the tax falls as the cost rises).
 *
 * @example
 * ```ts
 * const book = highestCostLots.createBook();
 * book.buy(0, 10, 100); book.buy(0, 10, 120);
 * book.sell(0, 15, 130); // => 10 × 10 + 5 × 30 = 250
 * ```
 */
export const highestCostLots: LotAccounting = {
  name: "highest cost first",
  createBook: () =>
    queueBook((queue) => {
      let best = 0;
      for (let k = 1; k < queue.length; k++) if (queue[k]!.cost > queue[best]!.cost) best = k;
      return best;
    }),
};

/**
 * Average cost: every share held of a ticker carries the average cost of all of them; a sale realises its
 * proceeds minus that average, and leaves the average unchanged.
 *
 * @example
 * ```ts
 * const book = averageCostLots.createBook();
 * book.buy(0, 10, 100); book.buy(0, 10, 120);
 * book.sell(0, 15, 130); // => 15 × (130 − 110) = 300
 * ```
 */
export const averageCostLots: LotAccounting = {
  name: "average cost",
  createBook(): LotBook {
    const held = new Map<number, { shares: number; cost: number; date: string }>();
    return {
      buy(ticker, shares, costPerShare, date = "") {
        const h = held.get(ticker) ?? { shares: 0, cost: 0, date };
        if (h.shares === 0) h.date = date; // the holding period runs from the first purchase still held
        h.cost += shares * costPerShare;
        h.shares += shares;
        held.set(ticker, h);
      },
      held() {
        return [...held].filter(([, h]) => h.shares > 0).map(([ticker, h]) => ({ ticker, shares: h.shares, costPerShare: h.cost / h.shares, acquired: h.date }));
      },
      sell(ticker, shares, proceedsPerShare) {
        const h = held.get(ticker);
        if (!h || h.shares < shares - 1e-9) throw new InputError("OVERSOLD", `tax lots: sold ${shares} shares of column ${ticker} but only ${h?.shares ?? 0} were held`, { ticker });
        const average = h.cost / h.shares;
        h.shares -= shares;
        h.cost = h.shares <= 1e-12 ? 0 : h.cost - shares * average;
        if (h.shares <= 1e-12) h.shares = 0;
        return shares * (proceedsPerShare - average);
      },
    };
  },
};

/**
 * Checks tax settings.
 *
 * @throws InputError BAD_TAX for a rate outside [0, 1) or a missing lot method.
 * @example
 * ```ts
 * checkTaxOptions({ rate: 0.15, lots: fifoLots }).rate; // => 0.15
 * ```
 */
export function checkTaxOptions(tax: TaxOptions): TaxOptions {
  if (typeof tax.rate !== "number" || !(tax.rate >= 0 && tax.rate < 1)) {
    throw new InputError("BAD_TAX", `tax: rate ${String(tax.rate)} must be a fraction in [0, 1), e.g. 0.15`, { rate: tax.rate });
  }
  if (!tax.lots || typeof tax.lots.createBook !== "function") {
    throw new InputError("BAD_TAX", "tax: lots must be a lot-accounting method, fifoLots, averageCostLots or highestCostLots", {});
  }
  return tax;
}

/**
 * The tax due on each realised gain, with losses carried forward: a gain is taxed only beyond the losses not yet
 * used, and a loss adds to them.
 *
 * @example
 * ```ts
 * const ledger = new TaxLedger(0.2);
 * ledger.realise(-100); // => 0 (100 of losses carried forward)
 * ledger.realise(150);  // => 10 (20 % of 150 − 100)
 * ```
 */
export class TaxLedger {
  private carried = 0;
  constructor(private readonly rate: number) {}
  /** Losses carried forward, money, ≥ 0. */
  get carriedLosses(): number {
    return this.carried;
  }
  /** The tax due on one realised gain (money); a loss returns 0 and is carried forward. */
  realise(gain: number): number {
    if (gain <= 0) {
      this.carried -= gain;
      return 0;
    }
    const used = Math.min(this.carried, gain);
    this.carried -= used;
    return this.rate * (gain - used);
  }
}
