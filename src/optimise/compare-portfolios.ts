/**
 * Comparing portfolios in one call: their figures side by side, their weights side by side, their weights by group.
 */
import { InputError, table, tableOfRows, type GroupOf, type Table, type Unit } from "../core/index";
import type { Portfolio } from "./portfolio";

/** An extra column of {@link comparePortfolios}: its unit and how to compute it from a portfolio. */
export interface ComparisonColumn {
  readonly unit: Unit;
  readonly of: (portfolio: Portfolio) => number | string;
}

/** Options of {@link comparePortfolios}. */
export interface ComparePortfoliosOptions {
  /** Extra columns by name, e.g. `{ "CVaR 95 %": { unit: "fraction", of: (p) => p.cvar(0.95) } }`. */
  readonly columns?: Readonly<Record<string, ComparisonColumn>>;
  /** A caption printed above the table (default: the prior's description). */
  readonly caption?: string;
}

function checkList(list: readonly Portfolio[], caller: string): void {
  if (list.length === 0) throw new InputError("EMPTY_TABLE", `${caller}: no portfolios to compare; pass at least one`);
  const names = list.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new InputError("DUPLICATE_LABEL", `${caller}: two portfolios are named ${twice}; give each a distinct name option`, { name: twice });
}

/**
 * One row per portfolio: expected return, volatility, Sharpe ratio, number of holdings, largest weight (and any
 * extra columns), each in its unit. Displays itself.
 *
 * @example
 * ```ts
 * comparePortfolios([portfolios.minVolatility(p), portfolios.maxSharpe(p), portfolios.hrp(p)]);
 * // portfolio       expected return  volatility  Sharpe  holdings  largest
 * // min volatility          6.12 %      4.31 %    0.96        14  25.00 %  …
 * ```
 * @throws InputError EMPTY_TABLE when the list is empty; DUPLICATE_LABEL when two portfolios share a name.
 */
export function comparePortfolios(list: readonly Portfolio[], options: ComparePortfoliosOptions = {}): Table {
  checkList(list, "comparePortfolios");
  const extra = Object.entries(options.columns ?? {});
  const rows = list.map((p) => ({ portfolio: p.name, ...p.summary(), ...Object.fromEntries(extra.map(([name, c]) => [name, c.of(p)])) }));
  const units: Record<string, Unit> = { expectedReturn: "fraction", volatility: "fraction", sharpe: "ratio", holdings: "count", largest: "fraction" };
  for (const [name, c] of extra) units[name] = c.unit;
  const first = list[0] as Portfolio;
  const caption = options.caption ?? `Under ${first.prior.description}; risk-free rate ${(100 * first.riskFreeRate).toFixed(1)} %`;
  return tableOfRows(rows, { units, caption });
}

/**
 * The portfolios' weights side by side: one row per ticker, one column per portfolio, in percent.
 *
 * @example
 * ```ts
 * compareWeights([a, b]).sortBy(b.name).head(10);
 * ```
 */
export function compareWeights(list: readonly Portfolio[]): Table {
  checkList(list, "compareWeights");
  return table(Object.fromEntries(list.map((p) => [p.name, p.weights])));
}

/**
 * The portfolios' weights by group (sector, asset class): one row per group, one column per portfolio.
 *
 * @example
 * ```ts
 * compareGroups([a, b], universe.assetClassOf);
 * ```
 */
export function compareGroups(list: readonly Portfolio[], groupOf: GroupOf): Table {
  checkList(list, "compareGroups");
  const grouped = list.map((p) => [p.name, p.weights.groupBy(groupOf)] as const);
  const groups = [...new Set(grouped.flatMap(([, g]) => g.labels))];
  return table(Object.fromEntries(grouped), { labels: groups, labelName: "group" });
}
