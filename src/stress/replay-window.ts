/**
 * Buy-and-hold replay of a run of historical days on today's holdings (shared by the historical scenarios).
 */
import { InputError } from "../core/index";
import type { ScenarioOutcome } from "./scenario";
import { proxyNotes, type PortfolioHistory } from "./stress-context";

/**
 * Each holding's compounded return `∏(1 + rₜ) − 1` over history rows `from..to` (inclusive): positions bought
 * at the close before `dates[from]` and held, without rebalancing, to the close of `dates[to]`.
 *
 * @throws InputError MISSING_HISTORY naming the first holding and date without a return, and the remedy.
 * @example
 * ```ts
 * replayRows(history, 10, 29, "historicalWindow", "20 days").assetReturns; // => one return per holding
 * ```
 */
export function replayRows(history: PortfolioHistory, from: number, to: number, caller: string, label: string): ScenarioOutcome {
  const k = history.tickers.length;
  const growth = new Float64Array(k).fill(1);
  for (let t = from; t <= to; t++) {
    for (let c = 0; c < k; c++) {
      const r = history.returns[t * k + c]!;
      if (Number.isNaN(r)) {
        const ticker = history.tickers[c]!;
        throw new InputError(
          "MISSING_HISTORY",
          `${caller}: ${ticker} has no return on ${history.dates[t]}, inside ${label} (${history.dates[from]} to ${history.dates[to]}); it had not listed yet or the data has a gap — add a stand-in in the context (proxies: { ${ticker}: "<similar ticker>" }) or choose another window`,
          { ticker, date: history.dates[t] },
        );
      }
      growth[c] = growth[c]! * (1 + r);
    }
  }
  let portfolio = 0;
  const assetReturns = growth.map((g, c) => {
    portfolio += history.weights[c]! * (g - 1);
    return g - 1;
  });
  const days = to - from + 1;
  return {
    assetReturns,
    description: `${label}: ${history.dates[from]} to ${history.dates[to]} (${days} trading day${days === 1 ? "" : "s"}) replayed on today's weights, bought and held; portfolio return ${(portfolio * 100).toFixed(2)} %`,
    window: { start: history.dates[from]!, end: history.dates[to]!, days },
    notes: proxyNotes(history, from, to),
  };
}
