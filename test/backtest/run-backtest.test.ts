import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageCostLots,
  calendarRebalance,
  driftRebalance,
  equalWeight,
  fifoLots,
  fixedWeights,
  neverRebalance,
  runBacktest,
  squareRootImpact,
  type BacktestProgress,
} from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import type { DateTable } from "../../src/core/frame";
import { constantWeights, randomPrices, recordingStrategy } from "./helpers";

// Two tickers over five trading days; 31 January → 1 February and 2 February → 1 March start new months.
const tiny: DateTable = {
  dates: ["2024-01-31", "2024-02-01", "2024-02-02", "2024-03-01", "2024-03-04"],
  tickers: ["A", "B"],
  values: Float64Array.of(100, 50, 110, 48, 105, 52, 120, 51, 115, 55),
};
const tinyCosts = { commissionBps: 10, commissionPerShare: 0.01, spreadBps: 20 };

describe("runBacktest: a constant-weight strategy checked by hand, to the cent", () => {
  // A 50 %, B 30 %, 20 % cash; capital 10,000; whole shares (the default) rounded down; monthly rebalance.
  // Each order pays commission 10 bp of its value + 0.01 per share, and half of a 20 bp spread (10 bp).
  //
  // 2024-01-31  A 100, B 50. Value 10,000 (all cash).
  //   A: 0.5 × 10,000 / 100 = 50 shares, buy 50 → 5,000; commission 5.00 + 0.50, spread 5.00 → cost 10.50
  //   B: 0.3 × 10,000 / 50  = 60 shares, buy 60 → 3,000; commission 3.00 + 0.60, spread 3.00 → cost 6.60
  //   cash 10,000 − 5,010.50 − 3,006.60 = 1,982.90;  value 1,982.90 + 5,000 + 3,000 = 9,982.90
  // 2024-02-01  A 110, B 48 (new month: rebalance). Value 1,982.90 + 5,500 + 2,880 = 10,362.90
  //   A: 0.5 × 10,362.90 / 110 = 47.10 → 47: sell 3 → 330; commission 0.33 + 0.03, spread 0.33 → cost 0.69
  //   B: 0.3 × 10,362.90 / 48  = 64.77 → 64: buy 4 → 192; commission 0.192 + 0.04, spread 0.192 → cost 0.424
  //   cash 1,982.90 + 330 − 0.69 − 192 − 0.424 = 2,119.786;  value 2,119.786 + 47 × 110 + 64 × 48 = 10,361.786
  // 2024-02-02  A 105, B 52, no rebalance. Value 2,119.786 + 4,935 + 3,328 = 10,382.786
  // 2024-03-01  A 120, B 51 (new month). Value 2,119.786 + 5,640 + 3,264 = 11,023.786
  //   A: 0.5 × 11,023.786 / 120 = 45.93 → 45: sell 2 → 240; commission 0.24 + 0.02, spread 0.24 → cost 0.50
  //   B: 0.3 × 11,023.786 / 51  = 64.85 → 64: no trade
  //   cash 2,119.786 + 240 − 0.50 = 2,359.286;  value 2,359.286 + 5,400 + 3,264 = 11,023.286
  // 2024-03-04  A 115, B 55. Value 2,359.286 + 45 × 115 + 64 × 55 = 2,359.286 + 5,175 + 3,520 = 11,054.286
  it("values, cash, trades and costs match the hand computation", async () => {
    const result = await runBacktest(tiny, constantWeights({ A: 0.5, B: 0.3 }), { capital: 10_000, costs: tinyCosts, rebalance: calendarRebalance("monthly") });
    const cents = (x: number) => Math.round(x * 100) / 100;
    expect(Array.from(result.equity, cents)).toEqual([9982.9, 10361.79, 10382.79, 11023.29, 11054.29]);
    expect(Array.from(result.cash, cents)).toEqual([1982.9, 2119.79, 2119.79, 2359.29, 2359.29]);
    result.equity.forEach((v, i) => expect(v).toBeCloseTo([9982.9, 10361.786, 10382.786, 11023.286, 11054.286][i]!, 9));
    expect(result.trades.map((t) => [t.date, t.ticker, t.side, t.shares, t.price])).toEqual([
      ["2024-01-31", "A", "buy", 50, 100],
      ["2024-01-31", "B", "buy", 60, 50],
      ["2024-02-01", "A", "sell", 3, 110],
      ["2024-02-01", "B", "buy", 4, 48],
      ["2024-03-01", "A", "sell", 2, 120],
    ]);
    [10.5, 6.6, 0.69, 0.424, 0.5].forEach((c, i) => expect(result.trades[i]!.cost).toBeCloseTo(c, 12));
    expect(result.trades[0]).toMatchObject({ commission: 5.5, spread: 5, impact: 0, notional: 5000, tax: 0, realisedGain: null });
    expect(result.rebalances.map((r) => r.date)).toEqual(["2024-01-31", "2024-02-01", "2024-03-01"]);
    expect(result.rebalances.map((r) => cents(r.cost))).toEqual([17.1, 1.11, 0.5]);
    expect(result.rebalances[1]!.turnover).toBeCloseTo(522 / (2 * 10362.9), 12);
    expect(result.totals.cost).toBeCloseTo(17.1 + 1.114 + 0.5, 12);
    expect(Array.from(result.finalHoldings.values)).toEqual([45, 64]);
    // The first return is against the capital: it holds the initial costs.
    expect(result.returns[0]).toBeCloseTo(9982.9 / 10_000 - 1, 14);
    expect(result.returns[4]).toBeCloseTo(11054.286 / 11023.286 - 1, 14);
  });

  it("with fractional shares, holds exactly the target after each rebalance's costs are paid from cash", async () => {
    // 2024-01-31: A 50 shares, B 60 shares, costs 5,000 × 20 bp = 10 and 3,000 × 20 bp = 6 (no per-share fee):
    // cash 10,000 − 8,016 = 1,984; value 9,984.
    const result = await runBacktest(tiny, constantWeights({ A: 0.5, B: 0.3 }), { capital: 10_000, costs: { commissionBps: 10, spreadBps: 20 }, fractionalShares: true });
    expect(result.cash[0]).toBeCloseTo(1984, 10);
    expect(result.equity[0]).toBeCloseTo(9984, 10);
    // 2024-02-01: value 1,984 + 5,500 + 2,880 = 10,364; A 5,182 / 110 = 47.1090… shares, B 3,109.2 / 48 = 64.775 shares.
    const aShares = 5182 / 110;
    expect(result.trades[2]!.shares).toBeCloseTo(50 - aShares, 12);
    expect(result.trades[3]!.shares).toBeCloseTo(3109.2 / 48 - 60, 12);
  });

  it("charges tax on realised gains, FIFO and average cost, by hand", async () => {
    // One ticker, 50 % of value, commission 10 bp, tax 20 %, whole shares.
    // 01-31 A 100: buy 50 (5,000, cost 5): cash 4,995; lot 50 @ 100.10
    // 02-01 A 120: value 10,995; target ⌊5,497.5 / 120⌋ = 45: sell 5 (600, cost 0.60), net 119.88 a share,
    //       gain 5 × (119.88 − 100.10) = 98.90, tax 19.78; cash 4,995 + 600 − 0.60 − 19.78 = 5,574.62
    // 03-01 A 90: value 9,624.62; target ⌊4,812.31 / 90⌋ = 53: buy 8 (720, cost 0.72): cash 4,853.90; lot 8 @ 90.09
    // 04-01 A 130: value 11,743.90; target ⌊5,871.95 / 130⌋ = 45: sell 8 (1,040, cost 1.04), net 129.87 a share
    //   FIFO: from the 100.10 lot, gain 8 × 29.77 = 238.16, tax 47.632: cash 5,845.228, value 11,695.228
    //   average cost: (45 × 100.10 + 8 × 90.09) / 53 = 98.589057, gain 250.247547, tax 50.049509:
    //   cash 5,842.810491, value 11,692.810491
    const prices: DateTable = { dates: ["2024-01-31", "2024-02-01", "2024-03-01", "2024-04-01"], tickers: ["A"], values: Float64Array.of(100, 120, 90, 130) };
    const fifo = await runBacktest(prices, constantWeights({ A: 0.5 }), { capital: 10_000, costs: { commissionBps: 10 }, tax: { rate: 0.2, lots: fifoLots } });
    expect(fifo.trades.map((t) => [t.side, t.shares])).toEqual([["buy", 50], ["sell", 5], ["buy", 8], ["sell", 8]]);
    expect(fifo.trades[1]!.realisedGain).toBeCloseTo(98.9, 10);
    expect(fifo.trades[1]!.tax).toBeCloseTo(19.78, 10);
    expect(fifo.trades[3]!.realisedGain).toBeCloseTo(238.16, 10);
    expect(fifo.trades[3]!.tax).toBeCloseTo(47.632, 10);
    expect(fifo.cash[3]).toBeCloseTo(5845.228, 9);
    expect(fifo.equity[3]).toBeCloseTo(11695.228, 9);
    expect(fifo.totals.tax).toBeCloseTo(19.78 + 47.632, 10);
    const average = await runBacktest(prices, constantWeights({ A: 0.5 }), { capital: 10_000, costs: { commissionBps: 10 }, tax: { rate: 0.2, lots: averageCostLots } });
    expect(average.trades[3]!.realisedGain).toBeCloseTo(8 * (129.87 - (45 * 100.1 + 720.72) / 53), 9);
    expect(Math.round(average.equity[3]! * 100) / 100).toBe(11692.81);
    expect(fifo.settings.tax).toEqual({ rate: 0.2, lots: "FIFO" });
  });

  it("shows the strategy the tax lots it holds before each rebalance (FIFO without tax, the tax's accounting with it)", async () => {
    const prices: DateTable = { dates: ["2024-01-31", "2024-02-01", "2024-03-01", "2024-04-01"], tickers: ["A"], values: Float64Array.of(100, 120, 90, 130) };
    const half = { labels: ["A"], values: Float64Array.of(0.5) };
    const seen: unknown[] = [];
    const untaxed = recordingStrategy((view) => (seen.push(view.taxLots), half));
    await runBacktest(prices, untaxed, { capital: 10_000, costs: { commissionBps: 10 } });
    expect(seen[0]).toEqual([]);
    // 50 shares bought on 2024-01-31 at 100 plus 10 bps of commission
    expect(seen[1]).toEqual([{ ticker: "A", shares: 50, costBasis: 100.1, acquired: "2024-01-31" }]);
    // FIFO: 5 sold on 2024-02-01 from that lot, 8 bought on 2024-03-01 at 90 + 10 bps
    expect(seen[3]).toEqual([
      { ticker: "A", shares: 45, costBasis: 100.1, acquired: "2024-01-31" },
      { ticker: "A", shares: 8, costBasis: 90.09, acquired: "2024-03-01" },
    ]);
    expect(untaxed.views[1]!.taxLots).toEqual(seen[1]); // read during the rebalance: kept
    expect(untaxed.views[2]!.taxLots).toBeDefined();
    const late = recordingStrategy(() => half);
    await runBacktest(prices, late, { capital: 10_000 });
    expect(late.views[1]!.taxLots).toBeUndefined(); // first read after the rebalance traded: no longer known
    const taxed: unknown[] = [];
    await runBacktest(prices, recordingStrategy((view) => (taxed.push(view.taxLots), half)), { capital: 10_000, costs: { commissionBps: 10 }, tax: { rate: 0.2, lots: averageCostLots } });
    expect(taxed[3]).toEqual([{ ticker: "A", shares: 53, costBasis: (45 * 100.1 + 8 * 90.09) / 53, acquired: "2024-01-31" }]);
  });

  it("does not change its inputs", async () => {
    const copy = Float64Array.from(tiny.values);
    const dates = [...tiny.dates];
    await runBacktest(tiny, constantWeights({ A: 0.5, B: 0.3 }), { capital: 10_000, costs: tinyCosts });
    expect(tiny.values).toEqual(copy);
    expect(tiny.dates).toEqual(dates);
  });
});

describe("runBacktest: no look-ahead", () => {
  const prices = randomPrices(["A", "B", "C"], 60, 3);

  it("gives the strategy only rows up to the rebalance date, as copies whose buffers hold nothing later", async () => {
    const seen: { date: string; last: string; rows: number; bytes: number; beyond: unknown; history: string }[] = [];
    const strategy = recordingStrategy((view) => {
      const p = view.prices;
      const row = p.dates.length - 1;
      seen.push({
        date: view.date,
        last: p.dates[row]!,
        rows: p.dates.length,
        bytes: p.values.buffer.byteLength,
        // An attempt to read the next day's first price through the view.
        beyond: p.values[(row + 1) * p.tickers.length],
        history: view.history(10_000).dates.at(-1)!,
      });
      return { labels: ["A"], values: Float64Array.of(1) };
    });
    await runBacktest(prices, strategy, { rebalance: calendarRebalance("weekly") });
    expect(seen.length).toBeGreaterThan(5);
    for (const s of seen) {
      const row = prices.dates.indexOf(s.date);
      expect(s.last).toBe(s.date);
      expect(s.history).toBe(s.date);
      expect(s.rows).toBe(row + 1);
      expect(s.bytes).toBe((row + 1) * 3 * 8);
      expect(s.beyond).toBeUndefined();
    }
  });

  it("a view kept for later still ends at its own date, and writing into it changes nothing", async () => {
    const plain = await runBacktest(prices, constantWeights({ A: 0.4, B: 0.6 }), { rebalance: calendarRebalance("weekly") });
    const strategy = recordingStrategy((view) => {
      view.prices.values.fill(1); // vandalism: the engine's prices must not move
      return { labels: ["A", "B"], values: Float64Array.of(0.4, 0.6) };
    });
    const vandal = await runBacktest(prices, strategy, { rebalance: calendarRebalance("weekly") });
    expect(vandal.equity).toEqual(plain.equity);
    const first = strategy.views[0]!;
    expect(first.prices.dates.at(-1)).toBe(first.date);
    expect(first.history(5).dates.at(-1)).toBe(first.date);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("refuses a weight on a ticker with no price yet: a strategy cannot buy what has not listed", async () => {
    const late: DateTable = { dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.of(10, NaN, 11, 5) };
    const err = await runBacktest(late, constantWeights({ A: 0.5, B: 0.5 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe("UNTRADABLE_TICKER");
    expect((err as Error).message).toMatch(/B has no price that day/);
  });

  it("never reads rows after end", async () => {
    const cut = { ...prices, values: Float64Array.from(prices.values) };
    const end = prices.dates[40]!;
    const a = await runBacktest(prices, equalWeight(), { end, rebalance: calendarRebalance("weekly") });
    cut.values.fill(Number.NaN, 41 * 3); // later rows erased
    const b = await runBacktest(cut, equalWeight(), { end, rebalance: calendarRebalance("weekly") });
    expect(b.equity).toEqual(a.equity);
    expect(b.versions.data).toBe(a.versions.data);
  });
});

describe("runBacktest: rebalancing rules", () => {
  // A rises 100 → 105 → 110 → 125 → 130, B stays at 100; 50/50, fractional shares, no costs, all in January.
  // Weights of A: 0.5122, 0.5238, 0.5556 (> 0.5 + 0.05: rebalance on day 4), then 0.5098 (no).
  const drifting: DateTable = {
    dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"],
    tickers: ["A", "B"],
    values: Float64Array.of(100, 100, 105, 100, 110, 100, 125, 100, 130, 100),
  };

  it("drift: rebalances on the first day a weight strays more than the threshold", async () => {
    const result = await runBacktest(drifting, fixedWeights({ A: 0.5, B: 0.5 }), { capital: 10_000, fractionalShares: true, rebalance: driftRebalance(0.05) });
    expect(result.rebalances.map((r) => r.date)).toEqual(["2024-01-02", "2024-01-05"]);
    // On day 4 the value is 11,250: A sells 50 − 5,625 / 125 = 5 shares.
    expect(result.trades.slice(2).map((t) => [t.ticker, t.side, t.shares])).toEqual([["A", "sell", 5], ["B", "buy", 6.25]]);
  });

  it("drift: a larger threshold fires later, or never", async () => {
    // Without the day-4 rebalance A keeps drifting: 0.5652 on day 5 (> 0.5 + 0.06), never above 0.5 + 0.07.
    const at = async (threshold: number) => (await runBacktest(drifting, fixedWeights({ A: 0.5, B: 0.5 }), { fractionalShares: true, rebalance: driftRebalance(threshold) })).rebalances.map((r) => r.date);
    expect(await at(0.06)).toEqual(["2024-01-02", "2024-01-08"]);
    expect(await at(0.07)).toEqual(["2024-01-02"]);
  });

  it("calendar: the first trading day of each week, month or quarter", async () => {
    const prices = randomPrices(["A"], 140, 2); // 2020-01-01 … mid-July 2020
    const dates = async (rule: ReturnType<typeof calendarRebalance>) => (await runBacktest(prices, equalWeight(), { rebalance: rule })).rebalances.map((r) => r.date);
    expect(await dates(calendarRebalance("monthly"))).toEqual(["2020-01-01", "2020-02-03", "2020-03-02", "2020-04-01", "2020-05-01", "2020-06-01", "2020-07-01"]);
    expect(await dates(calendarRebalance("quarterly"))).toEqual(["2020-01-01", "2020-04-01", "2020-07-01"]);
    const weekly = await dates(calendarRebalance("weekly"));
    expect(weekly.slice(0, 3)).toEqual(["2020-01-01", "2020-01-06", "2020-01-13"]);
    expect(weekly.slice(1).every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
});

describe("runBacktest: buy and hold, costs, cash", () => {
  const prices = randomPrices(["A", "B", "C"], 300, 11);

  it("with zero costs and no rebalancing equals buy and hold of the initial weights", async () => {
    const result = await runBacktest(prices, fixedWeights({ A: 0.6, B: 0.4 }), { capital: 1000, fractionalShares: true, rebalance: neverRebalance() });
    const p = (i: number, j: number) => prices.values[i * 3 + j]!;
    result.equity.forEach((v, i) => expect(v / (1000 * (0.6 * (p(i, 0) / p(0, 0)) + 0.4 * (p(i, 1) / p(0, 1)))) - 1).toBeCloseTo(0, 12));
    expect(result.trades).toHaveLength(2);
  });

  it("cash never goes negative without leverage, whatever the weights, costs and share rounding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        fc.record({ commissionBps: fc.double({ min: 0, max: 100, noNaN: true }), commissionPerShare: fc.double({ min: 0, max: 0.05, noNaN: true }), spreadBps: fc.double({ min: 0, max: 50, noNaN: true }) }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        async (raw, fullyInvested, costs, fractional, seed) => {
          const sum = raw.reduce((a, b) => a + b, 0);
          const values = Float64Array.from(raw, (w) => (sum === 0 ? 1 / 3 : fullyInvested ? w / sum : w / Math.max(1, sum)));
          const path = randomPrices(["A", "B", "C"], 80, seed, 0.03);
          const result = await runBacktest(path, constantWeights({ A: values[0]!, B: values[1]!, C: values[2]! }), { capital: 10_000, costs, fractionalShares: fractional, rebalance: calendarRebalance("weekly") });
          for (const c of result.cash) expect(c).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("scales purchases down when cash cannot pay for them and their costs", async () => {
    // Fully invested with 1 % commission: the first day's purchases cannot all be paid.
    const result = await runBacktest(prices, fixedWeights({ A: 0.5, B: 0.5 }), { capital: 10_000, costs: { commissionBps: 100 }, fractionalShares: true });
    expect(result.rebalances[0]!.buyScale).toBeLessThan(1);
    expect(result.rebalances[0]!.buyScale).toBeCloseTo(1 / 1.01, 9);
    expect(result.cash[0]).toBeGreaterThanOrEqual(0);
    expect(result.cash[0]).toBeLessThan(1e-6);
  });

  it("lets cash go negative only with leverage", async () => {
    const levered = fixedWeights({ A: 0.9, B: 0.6 });
    await expect(runBacktest(prices, levered)).rejects.toMatchObject({ code: "LEVERAGED_WEIGHTS" });
    const result = await runBacktest(prices, levered, { allowLeverage: true, cashRate: 0.05 });
    expect(result.cash[0]).toBeLessThan(0);
    expect(result.totals.cashInterest).toBeLessThan(0); // borrowing costs interest
  });

  it("takes a solver's round-off above a sum of 1 as fully invested, not as leverage", async () => {
    const rounded = await runBacktest(prices, fixedWeights({ A: 0.5 + 2e-9, B: 0.5 }), { fractionalShares: true });
    const exact = await runBacktest(prices, fixedWeights({ A: 0.5, B: 0.5 }), { fractionalShares: true });
    expect(rounded.cash[0]).toBeGreaterThanOrEqual(0);
    const last = (r: typeof exact) => r.equity[r.equity.length - 1]!;
    expect(Math.abs(last(rounded) / last(exact) - 1)).toBeLessThan(1e-8);
    await expect(runBacktest(prices, fixedWeights({ A: 0.5 + 2e-6, B: 0.5 }))).rejects.toMatchObject({ code: "LEVERAGED_WEIGHTS" });
  });

  it("earns interest on cash at the cash rate", async () => {
    const result = await runBacktest(prices, fixedWeights({ A: 0.5 }), { capital: 10_000, cashRate: 0.05, fractionalShares: true, rebalance: neverRebalance() });
    expect(result.cash.at(-1)! / result.cash[0]!).toBeCloseTo(Math.pow(1.05, 299 / 252), 10);
  });

  it("values a holding at its last close through a missing day, and does not trade it", async () => {
    const gap: DateTable = { dates: ["2024-01-31", "2024-02-01", "2024-02-02"], tickers: ["A", "B"], values: Float64Array.of(10, 10, NaN, 12, 11, 12) };
    const result = await runBacktest(gap, fixedWeights({ A: 0.5, B: 0.5 }), { capital: 1000, fractionalShares: true, rebalance: calendarRebalance("monthly") });
    // 02-01 is a new month but A has no price: the strategy must give A 0 — fixedWeights does, A's shares stay.
    expect(result.equity[1]).toBeCloseTo(50 * 10 + 50 * 12, 10);
    expect(result.trades.filter((t) => t.date === "2024-02-01").map((t) => t.ticker)).toEqual(["B"]);
    expect(result.notes.some((n) => n.includes("no price for A"))).toBe(true);
  });

  it("reports progress through the callback and ends at the last day", async () => {
    const events: BacktestProgress[] = [];
    await runBacktest(prices, equalWeight(), { onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(10);
    expect(events.at(-1)).toMatchObject({ done: 300, total: 300, date: prices.dates[299] });
    expect(events.every((e, i) => i === 0 || e.done >= events[i - 1]!.done)).toBe(true);
  });

  it("charges square-root impact from trailing volatility and volume", async () => {
    const volumes: DateTable = { dates: prices.dates, tickers: prices.tickers, values: new Float64Array(prices.values.length).fill(1_000) };
    const start = prices.dates[30]!;
    const result = await runBacktest(prices, fixedWeights({ A: 1 }), { capital: 10_000, start, fractionalShares: true, rebalance: neverRebalance(), costs: { impact: squareRootImpact({ coefficient: 0.5 }) }, volumes });
    // σ: sample sd of A's 21 daily returns up to the start; ADV 1,000; 10,000 / p shares.
    const p = (i: number) => prices.values[i * 3]!;
    const r = Array.from({ length: 21 }, (_, k) => p(10 + k) / p(9 + k) - 1);
    const mean = r.reduce((a, b) => a + b, 0) / 21;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 20);
    const shares = result.trades[0]!.shares;
    expect(result.trades[0]!.impact).toBeCloseTo(0.5 * sd * Math.sqrt(shares / 1000) * shares * p(30), 8);
    await expect(runBacktest(prices, fixedWeights({ A: 1 }), { costs: { impact: squareRootImpact() } })).rejects.toMatchObject({ code: "NO_VOLUMES" });
  });

  it("gives a just-listed ticker the median volatility of the others, and says so", async () => {
    // C lists on row 40 and is bought on its first day: no return of its own yet.
    const late: DateTable = { ...prices, values: Float64Array.from(prices.values, (v, k) => (k % 3 === 2 && k < 40 * 3 ? NaN : v)) };
    const volumes: DateTable = { dates: prices.dates, tickers: prices.tickers, values: new Float64Array(prices.values.length).fill(1_000) };
    const rule = { name: "on row 40", isDue: (c: { date: string }) => c.date === prices.dates[40] };
    const result = await runBacktest(late, equalWeight(), { start: prices.dates[30], fractionalShares: true, rebalance: rule, costs: { impact: squareRootImpact() }, volumes });
    const note = result.notes.find((n) => n.includes("median volatility"));
    expect(note).toMatch(/^\S+ equal weight: C had under 2 daily returns in the volatility window/);
    const buyC = result.trades.find((t) => t.ticker === "C")!;
    expect(buyC.impact).toBeGreaterThan(0);
  });

  it("starts an impact backtest on the third row by default, and refuses an earlier start", async () => {
    const volumes: DateTable = { dates: prices.dates, tickers: prices.tickers, values: new Float64Array(prices.values.length).fill(1_000) };
    const costs = { impact: squareRootImpact() };
    expect((await runBacktest(prices, equalWeight(), { costs, volumes })).dates[0]).toBe(prices.dates[2]);
    await expect(runBacktest(prices, equalWeight(), { start: prices.dates[0], costs, volumes })).rejects.toMatchObject({ code: "NO_VOLATILITY" });
  });
});

describe("runBacktest: bad input", () => {
  const prices = randomPrices(["A", "B"], 20, 5);
  const cases: [string, () => Promise<unknown>, string][] = [
    ["a negative weight", () => runBacktest(prices, constantWeights({ A: -0.1 })), "BAD_WEIGHTS"],
    ["a NaN weight", () => runBacktest(prices, constantWeights({ A: NaN })), "BAD_WEIGHTS"],
    ["an unknown ticker", () => runBacktest(prices, constantWeights({ Z: 0.5 })), "UNKNOWN_TICKER"],
    ["weights above 1", () => runBacktest(prices, constantWeights({ A: 0.7, B: 0.7 })), "LEVERAGED_WEIGHTS"],
    ["a non-positive price", () => runBacktest({ ...prices, values: Float64Array.from(prices.values, (v, k) => (k === 5 ? 0 : v)) }, equalWeight()), "BAD_PRICE"],
    ["unsorted dates", () => runBacktest({ ...prices, dates: [...prices.dates].reverse() }, equalWeight()), "UNSORTED_DATES"],
    ["a start after the data", () => runBacktest(prices, equalWeight(), { start: "2030-01-01" }), "EMPTY_DATE_RANGE"],
    ["a negative capital", () => runBacktest(prices, equalWeight(), { capital: -5 }), "BAD_OPTION"],
    ["a negative commission", () => runBacktest(prices, equalWeight(), { costs: { commissionBps: -1 } }), "BAD_COST"],
    ["a tax rate of 1.5", () => runBacktest(prices, equalWeight(), { tax: { rate: 1.5, lots: fifoLots } }), "BAD_TAX"],
  ];
  it.each(cases)("throws a typed error for %s", async (_what, run, code) => {
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe(code);
  });

  it("names the strategy and date when the strategy throws", async () => {
    const failing = { name: "broken", parameters: {}, targetWeights: () => { throw new InputError("OOPS", "something was wrong"); } };
    await expect(runBacktest(prices, failing)).rejects.toThrow(/strategy "broken" on 2020-01-01: something was wrong/);
  });
});
