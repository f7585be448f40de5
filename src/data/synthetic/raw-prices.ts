/**
 * The raw long-format price feed: one {@link RawPriceRow} per instrument and
 * business day from listing on, derived from the clean table, with a few
 * realistic vendor faults recorded in a {@link PriceDefects} manifest.
 */
import type { DateTable } from "../../core/index";
import { createRng, deriveSeed } from "../../core/index";
import type { RawPriceRow } from "../raw";
import type { PriceDefects } from "./defects";
import type { MarketParams } from "./params";
import type { Instrument } from "./universe";

/** The raw feed and what was planted in it. */
export interface RawPriceFeed {
  readonly rows: RawPriceRow[];
  readonly defects: PriceDefects;
}

const SOURCE = "synthetic";
const STALE = 1;
const BAD_ZERO = 2;
const BAD_NEGATIVE = 3;
const MISSING = 4;
const DUPLICATE = 5;

/**
 * Builds the raw price feed.
 *
 * Rows come instrument by instrument (universe order), dates ascending,
 * `line` = 1-based position. `adjClose` is the clean price; `close` equals it
 * except before an unadjusted split. Volume: a base (equities:
 * `equityDailyTurnover × shares`, crypto: `cryptoDailyVolume`, funds:
 * `fundDailyVolume`) × log-normal noise × `(1 + volumeMoveSensitivity·|log return|)`.
 *
 * Planted, each recorded in `defects` (counts from `params.rawPrices`; fewer
 * when the sample is too small to place them): stale runs, an unadjusted
 * split (an equity, in the middle half of its history), zero/negative prices
 * (alternating), missing rows and duplicated rows. They never touch an
 * instrument's first row, and no row carries two of them.
 *
 * @param params - resolved parameters.
 * @param instruments - the universe, in the order of `prices.tickers`.
 * @param prices - the clean adjusted closes (see `simulatePrices`).
 * @param sharesOutstanding - shares outstanding (millions) per equity ticker, for volume.
 * @example
 * ```ts
 * const { rows, defects } = buildRawPrices(params, universe, prices, shares);
 * rows[0]; // => { source: "synthetic", line: 1, ticker: "QBTX", date: "2006-01-02", close: 16.2615…, adjClose: 16.2615…, volume: 23772334 }
 * ```
 */
export function buildRawPrices(
  params: MarketParams,
  instruments: readonly Instrument[],
  prices: DateTable,
  sharesOutstanding: ReadonlyMap<string, number>,
): RawPriceFeed {
  const rp = params.rawPrices;
  const dates = prices.dates;
  const n = dates.length;
  const m = instruments.length;
  const price = (i: number, j: number): number => prices.values[i * m + j]!;
  const first = instruments.map((_, j) => {
    let i = 0;
    while (i < n && Number.isNaN(price(i, j))) i++;
    return i;
  });
  const rng = createRng(deriveSeed(params.seed, "raw-prices:defects"));
  const reserved = new Set<number>(); // j * n + i
  const key = (j: number, i: number): number => j * n + i;

  // Stale runs: days s … s+L−1 repeat day s−1.
  const staleValue = new Map<number, number>();
  const staleRuns: { ticker: string; start: string; end: string; value: number }[] = [];
  const runLength = rp.staleRunLength;
  for (let r = 0; r < rp.staleRuns; r++) {
    const placed = tryTimes(200, () => {
      const j = rng.int(m);
      const lo = first[j]! + 1;
      const span = n - runLength - lo + 1;
      if (span <= 0) return false;
      const s = lo + rng.int(span);
      for (let i = s - 1; i < s + runLength; i++) if (reserved.has(key(j, i))) return false;
      for (let i = s - 1; i < s + runLength; i++) reserved.add(key(j, i));
      const value = price(s - 1, j);
      for (let i = s; i < s + runLength; i++) staleValue.set(key(j, i), value);
      staleRuns.push({ ticker: instruments[j]!.ticker, start: dates[s]!, end: dates[s + runLength - 1]!, value });
      return true;
    });
    if (!placed) break;
  }

  // Unadjusted splits on distinct equities.
  const splitAt = new Map<number, { index: number; ratio: number }>(); // by column
  const unadjustedSplits: { ticker: string; date: string; ratio: number }[] = [];
  const equityColumns = rng.shuffle(instruments.map((inst, j) => (inst.assetClass === "equity" ? j : -1)).filter((j) => j >= 0));
  for (const j of equityColumns) {
    if (unadjustedSplits.length >= rp.unadjustedSplits) break;
    const length = n - first[j]!;
    if (length < 8) continue;
    const index = first[j]! + Math.floor(length / 4) + rng.int(Math.max(1, Math.floor(length / 2)));
    splitAt.set(j, { index, ratio: rp.splitRatio });
    unadjustedSplits.push({ ticker: instruments[j]!.ticker, date: dates[index]!, ratio: rp.splitRatio });
  }

  // Single-row defects on distinct, unreserved rows (never an instrument's first row).
  const pickRows = (count: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let c = 0; c < count; c++) {
      tryTimes(200, () => {
        const j = rng.int(m);
        const span = n - first[j]! - 1;
        if (span <= 0) return false;
        const i = first[j]! + 1 + rng.int(span);
        if (reserved.has(key(j, i))) return false;
        reserved.add(key(j, i));
        out.push([j, i]);
        return true;
      });
    }
    return out;
  };
  // One flag per cell: which single-row defect (if any) it carries.
  const flags = new Uint8Array(n * m);
  for (const [j, i] of pickRows(rp.badPrices)) flags[key(j, i)] = BAD_ZERO;
  let alternate = 0;
  for (let k = 0; k < flags.length; k++) if (flags[k] === BAD_ZERO && alternate++ % 2 === 1) flags[k] = BAD_NEGATIVE;
  for (const [j, i] of pickRows(rp.missingRows)) flags[key(j, i)] = MISSING;
  for (const [j, i] of pickRows(rp.duplicateRows)) flags[key(j, i)] = DUPLICATE;
  for (const k of staleValue.keys()) flags[k] = STALE;

  // Emit rows.
  const volumeRng = createRng(deriveSeed(params.seed, "raw-prices:volume"));
  const rows: RawPriceRow[] = [];
  const duplicateRows: { ticker: string; date: string; lines: [number, number] }[] = [];
  const badPrices: { ticker: string; date: string; line: number; close: number; adjClose: number; trueAdjClose: number }[] = [];
  const missingRows: { ticker: string; date: string }[] = [];
  for (let j = 0; j < m; j++) {
    const inst = instruments[j]!;
    const base = baseVolume(inst, params, sharesOutstanding);
    const split = splitAt.get(j);
    const ticker = inst.ticker;
    const splitIndex = split ? split.index : -1;
    const splitRatio = split ? split.ratio : 1;
    for (let i = first[j]!; i < n; i++) {
      const k = key(j, i);
      const flag = flags[k]!;
      const volumeNoise = volumeRng.normal(); // drawn every day, so defects do not shift the volumes
      if (flag === MISSING) {
        missingRows.push({ ticker, date: dates[i]! });
        continue;
      }
      const truth = price(i, j);
      let adjClose = flag === STALE ? staleValue.get(k)! : truth;
      let close = i < splitIndex ? adjClose * splitRatio : adjClose;
      const move = i > first[j]! ? Math.abs(Math.log(truth / price(i - 1, j))) : 0;
      const volume = flag === STALE ? 0 : volumeOf(base, volumeNoise, move, rp);
      if (flag === BAD_ZERO || flag === BAD_NEGATIVE) {
        const sign = flag === BAD_ZERO ? 0 : -1;
        close = sign * close;
        adjClose = sign * adjClose;
      }
      const row: RawPriceRow = { source: SOURCE, line: rows.length + 1, ticker, date: dates[i]!, close, adjClose, volume };
      rows.push(row);
      if (flag === BAD_ZERO || flag === BAD_NEGATIVE) badPrices.push({ ticker, date: dates[i]!, line: row.line, close, adjClose, trueAdjClose: truth });
      if (flag === DUPLICATE) {
        rows.push({ source: SOURCE, line: rows.length + 1, ticker, date: dates[i]!, close, adjClose, volume });
        duplicateRows.push({ ticker, date: dates[i]!, lines: [row.line, row.line + 1] });
      }
    }
  }
  return { rows, defects: { duplicateRows, badPrices, staleRuns, unadjustedSplits, missingRows } };
}

function tryTimes(times: number, attempt: () => boolean): boolean {
  for (let t = 0; t < times; t++) if (attempt()) return true;
  return false;
}

function baseVolume(inst: Instrument, params: MarketParams, sharesOutstanding: ReadonlyMap<string, number>): number {
  const rp = params.rawPrices;
  if (inst.assetClass === "equity") {
    const shares = sharesOutstanding.get(inst.ticker);
    return shares !== undefined ? rp.equityDailyTurnover * shares * 1e6 : rp.fundDailyVolume;
  }
  return inst.assetClass === "crypto" ? rp.cryptoDailyVolume : rp.fundDailyVolume;
}

function volumeOf(base: number, noise: number, move: number, rp: MarketParams["rawPrices"]): number {
  const sd = rp.volumeNoiseSd;
  return Math.round(base * Math.exp(sd * noise - (sd * sd) / 2) * (1 + rp.volumeMoveSensitivity * move));
}
