/**
 * How many defects of each kind a generated market planted in its raw feeds (its manifest, counted).
 */
import { tableOfRows, type Table } from "../core/index";
import type { SyntheticMarket } from "./synthetic/index";

/**
 * One row per kind of planted defect: the feed it is in and how many were planted, under a caption counting the
 * raw rows. Read it against the build's rejects and merges (which defects SQL repairs) and the validation checks
 * (which it cannot).
 *
 * @example
 * ```ts
 * const t = defectCounts(generateMarket({ seed: 7, years: 3, equityCount: 10 }));
 * t.labels[0];                                   // => "row delivered twice"
 * t.at("ticker change", "feed");                 // => "fundamentals"
 * t.column("count").get("ticker change");        // => the number of ticker changes, e.g. 1
 * ```
 */
export function defectCounts(market: SyntheticMarket): Table {
  const p = market.defects.prices;
  const f = market.defects.fundamentals;
  const rows = [
    { defect: "row delivered twice", feed: "prices", count: p.duplicateRows.length },
    { defect: "zero or negative price", feed: "prices", count: p.badPrices.length },
    { defect: "stale run (price repeated)", feed: "prices", count: p.staleRuns.length },
    { defect: "split not adjusted in close", feed: "prices", count: p.unadjustedSplits.length },
    { defect: "day missing", feed: "prices", count: p.missingRows.length },
    { defect: "filing delivered twice", feed: "fundamentals", count: f.duplicateFilings.length },
    { defect: "restated by a 10-K/A", feed: "fundamentals", count: f.restatements.length },
    { defect: "figures in thousands", feed: "fundamentals", count: f.thousandsFilings.length },
    { defect: "year missing", feed: "fundamentals", count: f.missingYears.length },
    { defect: "ticker change", feed: "fundamentals", count: f.tickerChanges.length },
  ];
  const caption = `${market.rawPrices.length.toLocaleString("en-US")} raw price rows, ${market.rawFundamentals.length.toLocaleString("en-US")} raw filings`;
  return tableOfRows(rows, { units: { count: "count" }, caption });
}
