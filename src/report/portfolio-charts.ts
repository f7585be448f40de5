/**
 * Charts drawn straight from the table model: a table as stacked bars, portfolios on their
 * frontier, money by group as a treemap. Formats follow the values' units.
 */
import { InputError, type Table, type Vector } from "../core/index";
import type { Prior } from "../moments/index";
import type { EfficientFrontierPoint, Portfolio } from "../optimise/index";
import { efficientFrontierChart } from "./efficient-frontier-chart";
import type { Figure } from "./figure";
import { stackedBarChart } from "./stacked-bar-chart";
import { treemapChart } from "./treemap-chart";
import { axisFormat } from "./vector-bar-chart";

/**
 * A table as stacked bars: one bar per column, stacked by row (e.g. `compareGroups(portfolios, assetClassOf)`: a bar
 * per portfolio, stacked by asset class).
 *
 * @example
 * ```ts
 * show(tableStackedBarChart("Weights by asset class", compareGroups(methods, universe.assetClassOf)));
 * ```
 * @throws InputError TEXT_COLUMN when a column holds text.
 */
export function tableStackedBarChart(title: string, data: Table, options: { readonly valueAxis?: string } = {}): Figure {
  const columns = data.columns.map((c) => data.column(c));
  const unit = columns[0]?.unit ?? "number";
  return stackedBarChart({
    title,
    labels: data.columns,
    series: data.labels.map((label) => ({ name: label, values: columns.map((c) => c.getOr(label, 0)) })),
    valueFormat: axisFormat(unit),
    valueAxis: options.valueAxis ?? (unit === "fraction" ? "weight" : "value"),
  });
}

/**
 * Portfolios on their efficient frontier, with every asset of the prior as a point (label on hover) and the capital
 * market line from the risk-free rate.
 *
 * @example
 * ```ts
 * show(portfolioFrontierChart("Efficient frontier", p, frontier, [minVol, maxSharpe], 0.02));
 * ```
 */
export function portfolioFrontierChart(title: string, prior: Prior, frontier: readonly EfficientFrontierPoint[], portfolios: readonly Portfolio[], riskFreeRate?: number): Figure {
  const assets = prior.expectedReturns.labels.map((label) => ({ label, volatility: prior.volatilities.get(label), expectedReturn: prior.expectedReturns.get(label) }));
  const points = portfolios.map((p) => ({ label: p.name, expectedReturn: p.expectedReturn, volatility: p.volatility, sharpe: p.sharpe }));
  return efficientFrontierChart(title, { frontier, assets, portfolios: points, riskFreeRate: riskFreeRate ?? portfolios[0]?.riskFreeRate });
}

/**
 * Money by group and label as a treemap: `values` in money by label (e.g. the value of each position), grouped by
 * `groupOf`; `cash`, when given, is one more tile.
 *
 * @example
 * ```ts
 * show(moneyTreemap("Where the money goes", allocationTable(exact, …).column("value"), universe.sectorOf, exact.leftover));
 * ```
 * @throws InputError UNKNOWN_GROUP when a label has no group.
 */
export function moneyTreemap(title: string, values: Vector, groupOf: Readonly<Record<string, string>>, cash?: number): Figure {
  const items = values.entries().filter(([, v]) => v > 0).map(([label, value]) => {
    const group = groupOf[label];
    if (group === undefined) throw new InputError("UNKNOWN_GROUP", `moneyTreemap: ${label} has no group; pass a grouping that covers every label`, { label });
    return { label, group, value };
  });
  const withCash = cash === undefined ? items : [...items, { label: "cash", group: "cash", value: cash }];
  return treemapChart(title, withCash, { valueFormat: ",.0f" });
}
