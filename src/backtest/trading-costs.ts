/**
 * What trading cost: each backtest's costs by component, and one backtest's cost of each rebalance.
 */
import { InputError, table, tableOfRows, vector, type Table } from "../core/index";
import type { BacktestResult } from "./backtest-result";

/**
 * Trading costs paid over each backtest, by component (money): commission, half the bid-ask spread, market
 * impact, and their total. Displays itself; its columns stack into a bar chart.
 *
 * @param results backtest results; not changed.
 * @throws InputError EMPTY_TABLE for no results.
 * @example
 * ```ts
 * costsByComponent(results).sortBy("total").head(3); // the three most expensive strategies
 * ```
 */
export function costsByComponent(results: readonly BacktestResult[]): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "costsByComponent: no backtest results; run at least one strategy");
  const rows = results.map((r) => ({ strategy: r.strategy, commission: r.totals.commission, "half-spread": r.totals.spread, "market impact": r.totals.impact, total: r.totals.cost }));
  return tableOfRows(rows, { units: { commission: "money", "half-spread": "money", "market impact": "money", total: "money" }, caption: "Trading costs over the whole run, by component" });
}

/**
 * One backtest's rebalances, one row per date: value before trading (money), orders, money traded, one-way
 * turnover, and the cost paid (money).
 *
 * @param result a backtest result; not changed.
 * @example
 * ```ts
 * rebalanceTable(pickBacktest(results, "min volatility")).column("cost"); // cost of each rebalance, by date
 * ```
 */
export function rebalanceTable(result: BacktestResult): Table {
  const labels = result.rebalances.map((r) => r.date);
  const column = (f: (r: BacktestResult["rebalances"][number]) => number, unit: "money" | "count" | "fraction") =>
    vector({ labels, values: Float64Array.from(result.rebalances, f) }, { unit, labelName: "date" });
  return table(
    {
      "value before": column((r) => r.valueBefore, "money"),
      orders: column((r) => r.orders, "count"),
      traded: column((r) => r.traded, "money"),
      turnover: column((r) => r.turnover, "fraction"),
      cost: column((r) => r.cost, "money"),
    },
    { labels, labelName: "date", caption: `${result.strategy}: ${labels.length} rebalances` },
  );
}

/**
 * The backtest of one strategy, by name, from a list of results.
 *
 * @throws InputError UNKNOWN_STRATEGY naming the strategies there are.
 * @example
 * ```ts
 * pickBacktest(results, "min volatility").rebalances.length; // => 189
 * ```
 */
export function pickBacktest(results: readonly BacktestResult[], strategy: string): BacktestResult {
  const found = results.find((r) => r.strategy === strategy);
  if (found === undefined) {
    throw new InputError("UNKNOWN_STRATEGY", `pickBacktest: no backtest of ${strategy}; the strategies are ${results.map((r) => r.strategy).join(", ")}`, { strategy });
  }
  return found;
}
