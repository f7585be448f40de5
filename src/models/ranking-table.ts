/**
 * One date's ranking by a forecast, with what happened: a table that displays itself.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Panel, Table } from "../core/index";
import { rankByForecast } from "./rank-by-forecast";

/** Options of {@link rankingTable}. */
export interface RankingTableOptions {
  /** The column of outcomes shown beside the forecasts (default `"outcome"`; `null` for none). */
  readonly outcome?: string | null;
  /** Show the `top` highest forecasts… (default: every row). */
  readonly top?: number;
  /** …and the `bottom` lowest (default 0). */
  readonly bottom?: number;
}

/**
 * The tickers of one date ranked by a forecast column, highest first ({@link rankByForecast}): rank, forecast and
 * outcome (fractions), the `top` first and the `bottom` last.
 *
 * @param panel the rows of one date, e.g. `forecasts.wherePresent("random forest").latest()`.
 * @param column the forecast column.
 * @example
 * ```ts
 * rankingTable(lastMonth, "random forest", { top: 5, bottom: 3 });
 * // ticker  rank  forecast  outcome
 * // MDVX       1    3.00 %  -1.72 %   … then ranks 32, 33, 34
 * ```
 * @throws InputError SEVERAL_DATES when the panel holds more than one date; as `rankByForecast` (a missing forecast).
 */
export function rankingTable(panel: Panel, column: string, options: RankingTableOptions = {}): Table {
  const dates = panel.asOfDates;
  if (dates.length !== 1) {
    throw new InputError("SEVERAL_DATES", `rankingTable: the rows hold ${dates.length} dates; rank one date (take it with on(date) or latest())`);
  }
  const outcomeColumn = options.outcome === undefined ? "outcome" : options.outcome;
  const outcome = outcomeColumn === null ? null : panel.column(outcomeColumn);
  const ranking = rankByForecast(panel.tickers, panel.values(column));
  const top = options.top ?? ranking.length;
  const bottom = Math.min(options.bottom ?? 0, Math.max(ranking.length - top, 0));
  const shown = [...ranking.slice(0, top), ...ranking.slice(ranking.length - bottom)];
  const rows = shown.map((r) => ({ ticker: r.ticker, rank: r.rank, forecast: r.forecast, ...(outcome === null ? {} : { outcome: outcome.get(r.ticker) }) }));
  const which = options.top === undefined ? "" : `: the top ${top}${bottom > 0 ? ` and the bottom ${bottom}` : ""}`;
  return tableOfRows(rows, { units: { rank: "count", forecast: "fraction", outcome: "fraction" }, caption: `Ranking on ${dates[0]} by ${column}${which}` });
}
