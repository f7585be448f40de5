import { describe, expect, it } from "vitest";
import { averageCostLots, fifoLots, highestCostLots, orderCost, participationImpact, squareRootImpact, TaxLedger } from "../../src/backtest/index";
import { DataError, InputError } from "../../src/core/errors";

const order = { ticker: "A", shares: 1000, price: 50, notional: 50_000, dailyVolatility: 0.02, averageDailyVolume: 100_000 };

describe("orderCost", () => {
  it("adds commission in bps and per share, half the spread, and impact", () => {
    // 50,000 × 5 bp = 25 + 1,000 × 0.005 = 5 → 30; half of 10 bp = 25; square-root impact 10 (see below).
    const c = orderCost({ commissionBps: 5, commissionPerShare: 0.005, spreadBps: 10, impact: squareRootImpact() }, order);
    expect(c.commission).toBeCloseTo(30, 12);
    expect(c.spread).toBeCloseTo(25, 12);
    expect(c.impact).toBeCloseTo(10, 12);
    expect(c.total).toBeCloseTo(65, 12);
  });
  it("is zero with no settings", () => {
    expect(orderCost({}, order)).toEqual({ commission: 0, spread: 0, impact: 0, total: 0 });
  });
  it("refuses negative settings", () => {
    expect(() => orderCost({ spreadBps: -1 }, order)).toThrow(InputError);
  });
});

describe("impact models", () => {
  it("square-root law: k·σ·√(q/ADV)·notional", () => {
    // 0.1 × 0.02 × √(1,000 / 100,000) × 50,000 = 10
    expect(squareRootImpact().cost(order)).toBeCloseTo(10, 12);
    // four times the shares: cost × 4^1.5 = 8
    expect(squareRootImpact().cost({ ...order, shares: 4000, notional: 200_000 })).toBeCloseTo(80, 10);
  });
  it("participation: bps per percent of ADV", () => {
    // 1 % of ADV at 3 bp per percent: 3 bp of 50,000 = 15
    expect(participationImpact({ bpsPerPercent: 3 }).cost(order)).toBeCloseTo(15, 12);
  });
  it("need a volume, and say so", () => {
    expect(() => squareRootImpact().cost({ ...order, averageDailyVolume: Number.NaN })).toThrow(DataError);
    expect(() => participationImpact().cost({ ...order, averageDailyVolume: 0 })).toThrow(/average daily volume/);
    expect(() => squareRootImpact({ coefficient: -1 })).toThrow(InputError);
  });
});

describe("tax lots", () => {
  it("FIFO matches the oldest shares first", () => {
    const book = fifoLots.createBook();
    book.buy(0, 10, 100);
    book.buy(0, 10, 120);
    expect(book.sell(0, 15, 130)).toBeCloseTo(10 * 30 + 5 * 10, 10);
    expect(book.sell(0, 5, 110)).toBeCloseTo(5 * -10, 10);
    expect(() => book.sell(0, 1, 100)).toThrow(/only 0 were held/);
  });
  it("average cost uses the mean cost of every share held", () => {
    const book = averageCostLots.createBook();
    book.buy(0, 10, 100);
    book.buy(0, 10, 120);
    expect(book.sell(0, 15, 130)).toBeCloseTo(15 * 20, 10);
    book.buy(0, 5, 140); // 5 @ 110 + 5 @ 140 → 125
    expect(book.sell(0, 10, 125)).toBeCloseTo(0, 10);
  });
  it("highest cost first matches the dearest shares first, realising the smallest gain", () => {
    const book = highestCostLots.createBook();
    book.buy(0, 10, 100, "2024-01-02");
    book.buy(0, 10, 120, "2024-02-01");
    book.buy(1, 5, 50, "2024-02-01");
    expect(book.sell(0, 15, 130)).toBeCloseTo(10 * 10 + 5 * 30, 10);
    expect(book.held!()).toEqual([
      { ticker: 0, shares: 5, costPerShare: 100, acquired: "2024-01-02" },
      { ticker: 1, shares: 5, costPerShare: 50, acquired: "2024-02-01" },
    ]);
    expect(() => book.sell(0, 6, 100)).toThrow(/only 5 were held/);
  });
  it("FIFO and average cost list the lots they hold, with their dates", () => {
    const fifo = fifoLots.createBook();
    fifo.buy(0, 10, 100, "2024-01-02");
    fifo.buy(0, 10, 120, "2024-02-01");
    fifo.sell(0, 15, 130);
    expect(fifo.held!()).toEqual([{ ticker: 0, shares: 5, costPerShare: 120, acquired: "2024-02-01" }]);
    const average = averageCostLots.createBook();
    average.buy(0, 10, 100, "2024-01-02");
    average.buy(0, 10, 120, "2024-02-01");
    average.sell(0, 15, 130);
    expect(average.held!()).toEqual([{ ticker: 0, shares: 5, costPerShare: 110, acquired: "2024-01-02" }]);
    average.sell(0, 5, 130);
    average.buy(0, 1, 90, "2024-03-01"); // a new holding period after the position was closed
    expect(average.held!()).toEqual([{ ticker: 0, shares: 1, costPerShare: 90, acquired: "2024-03-01" }]);
  });
  it("the ledger carries losses forward against later gains", () => {
    const ledger = new TaxLedger(0.2);
    expect(ledger.realise(-100)).toBe(0);
    expect(ledger.carriedLosses).toBe(100);
    expect(ledger.realise(60)).toBe(0);
    expect(ledger.realise(150)).toBeCloseTo(0.2 * 110, 12);
    expect(ledger.carriedLosses).toBe(0);
  });
});
