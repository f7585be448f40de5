/**
 * The raw fundamentals feed: the true company-years delivered as a vendor
 * would, with missing years, restatements, mixed units, duplicate
 * deliveries and a ticker change, each recorded in a {@link FundamentalDefects} manifest.
 */
import { createRng, deriveSeed } from "../../core/index";
import type { RawFundamentalRow, RawUnit, TickerChange } from "../raw";
import { dayNumberToIso, isoToDayNumber } from "../../core/index";
import { nextBusinessDay } from "./calendar";
import type { FundamentalDefects } from "./defects";
import type { FundamentalsRecord } from "./fundamentals";
import type { MarketParams } from "./params";

/** The raw feed and what was planted in it. */
export interface RawFundamentalsFeed {
  readonly rows: RawFundamentalRow[];
  readonly defects: FundamentalDefects;
}

type Figures = Pick<RawFundamentalRow, "revenue" | "netIncome" | "operatingIncome" | "totalAssets" | "totalEquity" | "sharesOutstanding">;

interface Filing {
  readonly record: FundamentalsRecord;
  readonly form: "10-K" | "10-K/A";
  readonly filedDate: string;
  readonly figures: Figures; // USD millions, shares millions
  unit: RawUnit;
  filingId: string;
}

const SOURCE = "synthetic";
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
/** How far (in rows) after the original a duplicate delivery lands, at most. */
const DUPLICATE_SPREAD = 20;

function countFor(rate: number, candidates: number): number {
  return rate > 0 && candidates > 0 ? Math.min(candidates, Math.max(1, Math.round(rate * candidates))) : 0;
}

function inUnit(figures: Figures, unit: RawUnit): Figures {
  if (unit === "millions") return figures;
  const k = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000));
  return {
    revenue: k(figures.revenue),
    netIncome: k(figures.netIncome),
    operatingIncome: k(figures.operatingIncome),
    totalAssets: k(figures.totalAssets),
    totalEquity: k(figures.totalEquity),
    sharesOutstanding: k(figures.sharesOutstanding),
  };
}

/**
 * Builds the raw fundamentals feed from the true company-years.
 *
 * In order, with one stream seeded by `(seed, "raw-fundamentals")`:
 * 1. missing years: `missingYearRate` of the company-years are dropped (never the ticker-change company's);
 * 2. restatements: `restatementRate` of the remaining are delivered twice, a "10-K" whose revenue,
 *    operating income and net income are off by ± `restatementSize` and a later "10-K/A" with the
 *    true figures, filed `amendmentLagDays` after (only filings whose amendment can fall in the calendar);
 * 3. units: each filing is in thousands with probability `thousandsRate` (money and shares ×1000, integers);
 * 4. ticker: a filing of the ticker-change company filed before the effective date carries the old ticker;
 * 5. order: by filed date (then ticker, then form), `filingId` `F000001`… in that order;
 * 6. duplicates: `duplicateRate` of the filings are delivered again, identical, up to 20 rows later;
 * 7. `line` = 1-based position.
 * Every rate gives at least one defect when positive and there is a candidate.
 *
 * @param params - resolved parameters.
 * @param truth - the true company-years (see `simulateFundamentals`).
 * @param tickerChanges - ticker changes to apply (at most the one of the parameters).
 * @param lastDate - the calendar's last day: no filing is dated after it.
 * @example
 * ```ts
 * const { rows, defects } = buildRawFundamentals(params, truth, changes, "2025-12-31");
 * rows.filter((r) => r.filingId === defects.duplicateFilings[0].filingId).length; // => 2
 * ```
 */
export function buildRawFundamentals(
  params: MarketParams,
  truth: readonly FundamentalsRecord[],
  tickerChanges: readonly TickerChange[],
  lastDate: string,
): RawFundamentalsFeed {
  const rf = params.rawFundamentals;
  const rng = createRng(deriveSeed(params.seed, "raw-fundamentals"));
  const changedCompanies = new Set(tickerChanges.map((c) => c.newTicker));

  // 1. Missing years.
  const missingCandidates = truth.map((_, k) => k).filter((k) => !changedCompanies.has(truth[k]!.ticker));
  const missingIndex = new Set(rng.shuffle(missingCandidates).slice(0, countFor(rf.missingYearRate, missingCandidates.length)));
  const delivered = truth.filter((_, k) => !missingIndex.has(k));

  // 2. Restatements.
  const lastDay = isoToDayNumber(lastDate);
  const restateCandidates = delivered
    .map((_, k) => k)
    .filter((k) => isoToDayNumber(delivered[k]!.filedDate) + rf.amendmentLagDays[1] + 3 <= lastDay);
  const restated = new Set(rng.shuffle(restateCandidates).slice(0, countFor(rf.restatementRate, restateCandidates.length)));

  const filings: Filing[] = [];
  const restatementPairs: [Filing, Filing][] = [];
  const trueFigures = (r: FundamentalsRecord): Figures => ({
    revenue: r.revenue,
    netIncome: r.netIncome,
    operatingIncome: r.operatingIncome,
    totalAssets: r.totalAssets,
    totalEquity: r.totalEquity,
    sharesOutstanding: r.sharesOutstanding,
  });
  delivered.forEach((record, k) => {
    if (!restated.has(k)) {
      filings.push({ record, form: "10-K", filedDate: record.filedDate, figures: trueFigures(record), unit: "millions", filingId: "" });
      return;
    }
    const off = (x: number): number => {
      const size = rng.uniform(rf.restatementSize[0], rf.restatementSize[1]);
      return round3(x * (1 + (rng.bernoulli(0.5) ? size : -size)));
    };
    const wrong: Figures = {
      ...trueFigures(record),
      revenue: off(record.revenue),
      operatingIncome: off(record.operatingIncome),
      netIncome: off(record.netIncome),
    };
    const lag = Math.round(rng.uniform(rf.amendmentLagDays[0], rf.amendmentLagDays[1]));
    const amendedOn = dayNumberToIso(nextBusinessDay(isoToDayNumber(record.filedDate) + lag));
    const original: Filing = { record, form: "10-K", filedDate: record.filedDate, figures: wrong, unit: "millions", filingId: "" };
    const amendment: Filing = { record, form: "10-K/A", filedDate: amendedOn, figures: trueFigures(record), unit: "millions", filingId: "" };
    filings.push(original, amendment);
    restatementPairs.push([original, amendment]);
  });

  // 3. Units.
  for (const filing of filings) if (rng.bernoulli(rf.thousandsRate)) filing.unit = "thousands";
  if (rf.thousandsRate > 0 && filings.length > 0 && !filings.some((f) => f.unit === "thousands")) filings[rng.int(filings.length)]!.unit = "thousands";

  // 4. Ticker at filing time.
  const tickerAt = (f: Filing): string => {
    const change = tickerChanges.find((c) => c.newTicker === f.record.ticker);
    return change && f.filedDate < change.effectiveDate ? change.oldTicker : f.record.ticker;
  };

  // 5. Delivery order and ids.
  const ordered = filings
    .map((f) => ({ f, ticker: tickerAt(f) }))
    .sort((a, b) =>
      a.f.filedDate !== b.f.filedDate
        ? a.f.filedDate < b.f.filedDate ? -1 : 1
        : a.ticker !== b.ticker
          ? a.ticker < b.ticker ? -1 : 1
          : a.f.form < b.f.form ? -1 : a.f.form > b.f.form ? 1 : 0,
    );
  ordered.forEach((o, k) => (o.f.filingId = `F${String(k + 1).padStart(6, "0")}`));

  // 6. Duplicate deliveries.
  const stream: { f: Filing; ticker: string; duplicate: boolean }[] = ordered.map((o) => ({ ...o, duplicate: false }));
  const duplicatedIds = rng
    .shuffle(ordered.map((o) => o.f.filingId))
    .slice(0, countFor(rf.duplicateRate, ordered.length))
    .sort();
  for (const id of duplicatedIds) {
    const at = stream.findIndex((s) => s.f.filingId === id && !s.duplicate);
    const room = Math.min(DUPLICATE_SPREAD, stream.length - at);
    stream.splice(at + 1 + rng.int(room), 0, { ...stream[at]!, duplicate: true });
  }

  // 7. Rows.
  const rows: RawFundamentalRow[] = stream.map((s, k) => ({
    source: SOURCE,
    line: k + 1,
    filingId: s.f.filingId,
    ticker: s.ticker,
    periodEnd: s.f.record.periodEnd,
    filedDate: s.f.filedDate,
    form: s.f.form,
    unit: s.f.unit,
    ...inUnit(s.f.figures, s.f.unit),
  }));

  const linesOf = new Map<string, number[]>();
  for (const row of rows) {
    const list = linesOf.get(row.filingId);
    if (list) list.push(row.line);
    else linesOf.set(row.filingId, [row.line]);
  }
  const fiscalYearEnds = new Map<string, number>();
  for (const r of truth) if (!fiscalYearEnds.has(r.ticker)) fiscalYearEnds.set(r.ticker, r.fiscalYearEndMonth);

  return {
    rows,
    defects: {
      duplicateFilings: duplicatedIds.map((filingId) => {
        const lines = linesOf.get(filingId)!;
        return { filingId, lines: [lines[0]!, lines[1]!] as const };
      }),
      restatements: restatementPairs.map(([original, amendment]) => ({
        ticker: original.record.ticker,
        periodEnd: original.record.periodEnd,
        originalFilingId: original.filingId,
        amendmentFilingId: amendment.filingId,
        changedFields: ["revenue", "operatingIncome", "netIncome"] as const,
      })),
      thousandsFilings: ordered.filter((o) => o.f.unit === "thousands").map((o) => o.f.filingId),
      fiscalYearEnds: [...fiscalYearEnds].map(([ticker, month]) => ({ ticker, month })),
      missingYears: [...missingIndex]
        .sort((a, b) => a - b)
        .map((k) => ({ ticker: truth[k]!.ticker, fiscalYear: truth[k]!.fiscalYear, periodEnd: truth[k]!.periodEnd })),
      tickerChanges: tickerChanges.slice(),
    },
  };
}
