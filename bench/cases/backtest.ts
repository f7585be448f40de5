// Walk-forward backtest: 20 years of daily prices, 100 assets, monthly long-only minimum volatility on a trailing
// 252-day sample covariance, 10 bp commission, fractional shares — against a pandas + cvxopt loop written to the
// same rules (first rebalance after the 252-day warm-up, then the first trading day of each month; sales first,
// purchases scaled down together when cash cannot pay for them).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { calendarRebalance } from "../../src/backtest/calendar-rebalance";
import { minVolatilityStrategy } from "../../src/backtest/min-volatility-strategy";
import { runBacktest } from "../../src/backtest/run-backtest";
import type { DateTable } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { assetLabels, benchDates, factorReturns, pricesFromReturns } from "./synthetic-returns";

const DAYS = 5040;

/** The case at `N` assets (below 252, so that the trailing covariance has full rank). */
export function backtestCaseAt(N: number): BenchCase<DateTable> {
  return {
    name: "backtest",
    title: `backtest, 20 years daily, ${N.toLocaleString("en")} assets, monthly minimum-volatility rebalance with costs`,
    baseline: "pandas + cvxopt loop",
    goal: 1,
    reps: 2,
    prepare(dir) {
      const dates = benchDates(DAYS);
      writeMatrix(join(dir, "prices.bin"), pricesFromReturns(factorReturns(DAYS - 1, N, 3)));
      writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows: DAYS, n: N, dates }));
    },
    load(dir) {
      return { dates: benchDates(DAYS), tickers: assetLabels(N), values: readMatrix(join(dir, "prices.bin"), DAYS, N).data };
    },
    async ours(prices) {
      const result = await runBacktest(prices, minVolatilityStrategy({ lookbackDays: 252 }), {
        capital: 1_000_000,
        rebalance: calendarRebalance("monthly"),
        fractionalShares: true,
        costs: { commissionBps: 10 },
      });
      return { finalValue: result.equity[result.equity.length - 1]!, rebalances: result.rebalances.length, commission: result.totals.commission };
    },
    agree(ours, baseline) {
      if (!baseline) throw new Error("backtest needs its baseline");
      const a = ours.result.finalValue as number;
      const b = baseline.result.finalValue as number;
      const rel = Math.abs(a / b - 1);
      const sameCount = ours.result.rebalances === baseline.result.rebalances;
      return {
        agrees: rel <= 1e-3 && sameCount,
        detail: `final value ours ${a.toFixed(2)}, baseline ${b.toFixed(2)} (relative difference ${rel.toExponential(1)}, tol 1e-3); rebalances ${ours.result.rebalances} vs ${baseline.result.rebalances}; commission ${(ours.result.commission as number).toFixed(2)} vs ${(baseline.result.commission as number).toFixed(2)}`,
      };
    },
  };
}

export const backtestCase = backtestCaseAt(100);
