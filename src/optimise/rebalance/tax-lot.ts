/**
 * Tax lots and the tax a sale from each one realises: what a tax-aware rebalance weighs when it sells.
 */
import { InputError } from "../../core/index";

/**
 * One purchase still held: `shares` of `ticker` bought on `acquired` at `costBasis` per share (price plus buying
 * costs, money).
 *
 * @example
 * ```ts
 * const lot: TaxLot = { ticker: "ACME", shares: 100, costBasis: 42.5, acquired: "2024-03-15" };
 * ```
 */
export interface TaxLot {
  readonly ticker: string;
  readonly shares: number;
  readonly costBasis: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly acquired: string;
}

/**
 * The tax rates of a tax-aware rebalance. A sale from a lot realises `shares × (price − costBasis)`; a gain pays
 * `rate` (or `longTermRate` when the lot was held at least `longTermDays` on `asOf`), a loss pays nothing and earns
 * no credit (so losses and small gains are sold first; no loss harvesting, no wash-sale rule).
 *
 * @example
 * ```ts
 * const tax: TaxRates = { rate: 0.37, longTermRate: 0.2, asOf: "2026-12-04" };
 * ```
 */
export interface TaxRates {
  /** Tax rate on realised (short-term) gains, a fraction in [0, 1). */
  readonly rate: number;
  /** Rate on gains from lots held at least `longTermDays`. Default `rate`. */
  readonly longTermRate?: number;
  /** Holding period of a long-term lot, calendar days. Default 365. */
  readonly longTermDays?: number;
  /** The date of the sale, ISO (default the last date of the prior's prices; required when the prior has none and `longTermRate` is set). */
  readonly asOf?: string;
}

/** A lot as a sell variable of the optimiser: at most `weight` of the portfolio, each unit paying `taxPerUnit`. */
export interface LotPiece {
  /** Position of the lot in the list given. */
  readonly lot: number;
  /** The lot's value as a fraction of the portfolio (shares × price / value). */
  readonly weight: number;
  /** Tax per unit of weight sold: `rate × max(0, 1 − costBasis / price)`. */
  readonly taxPerUnit: number;
  /** Rate applied (short- or long-term). */
  readonly rate: number;
}

const DAY_MS = 86_400_000;

/**
 * Checks tax rates.
 *
 * @throws InputError BAD_TAX_RATE for a rate outside [0, 1) (a negative rate is refused) or long-term days < 0.
 * @example
 * ```ts
 * checkTaxRates({ rate: -0.1 }, "costAwareRebalance"); // => throws InputError BAD_TAX_RATE
 * ```
 */
export function checkTaxRates(tax: TaxRates, caller: string): Required<Omit<TaxRates, "asOf">> & { readonly asOf: string | undefined } {
  const rate = tax.rate;
  const longTermRate = tax.longTermRate ?? rate;
  for (const [name, r] of [["rate", rate], ["longTermRate", longTermRate]] as const) {
    if (typeof r !== "number" || !Number.isFinite(r) || r < 0 || r >= 1) {
      throw new InputError("BAD_TAX_RATE", `${caller}: tax ${name} ${String(r)} must be a fraction in [0, 1), e.g. 0.15`, { [name]: r });
    }
  }
  const longTermDays = tax.longTermDays ?? 365;
  if (!Number.isFinite(longTermDays) || longTermDays < 0) {
    throw new InputError("BAD_TAX_RATE", `${caller}: longTermDays ${longTermDays} must be a number of days ≥ 0`, { longTermDays });
  }
  return { rate, longTermRate, longTermDays, asOf: tax.asOf };
}

/**
 * The sell pieces of a tax-aware rebalance: one per lot, its weight in the portfolio and its tax per unit sold.
 *
 * @param lots the lots held (not changed).
 * @param priceOf the current price of a ticker (`NaN` when unknown).
 * @param value the portfolio's value (money).
 * @param tax the rates.
 * @throws InputError BAD_LOT for a lot with shares ≤ 0, a negative or non-finite cost basis, a malformed date or
 *   one after `asOf`; MISSING_PRICE for a lot whose ticker has no positive price; BAD_TAX_RATE as {@link checkTaxRates}.
 * @example
 * ```ts
 * lotPieces([{ ticker: "A", shares: 10, costBasis: 80, acquired: "2025-01-02" }], () => 100, 10_000, { rate: 0.2, asOf: "2026-01-02" }, "f");
 * // => [{ lot: 0, weight: 0.1, taxPerUnit: 0.04, rate: 0.2 }]
 * ```
 */
export function lotPieces(lots: readonly TaxLot[], priceOf: (ticker: string) => number, value: number, tax: TaxRates, caller: string): LotPiece[] {
  const rates = checkTaxRates(tax, caller);
  const asOf = rates.asOf === undefined ? undefined : Date.parse(`${rates.asOf}T00:00:00Z`);
  if (rates.asOf !== undefined && !Number.isFinite(asOf)) {
    throw new InputError("BAD_LOT", `${caller}: tax asOf ${rates.asOf} is not an ISO date (YYYY-MM-DD)`, { asOf: rates.asOf });
  }
  return lots.map((lot, k) => {
    const where = `${caller}: tax lot ${k} (${lot.ticker})`;
    if (!(lot.shares > 0) || !Number.isFinite(lot.shares)) throw new InputError("BAD_LOT", `${where} has ${lot.shares} shares; a lot holds a positive number`, { lot: k });
    if (!(lot.costBasis >= 0) || !Number.isFinite(lot.costBasis)) {
      throw new InputError("BAD_LOT", `${where} has cost basis ${lot.costBasis}; pass the price paid per share, ≥ 0`, { lot: k });
    }
    const acquired = Date.parse(`${lot.acquired}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lot.acquired) || !Number.isFinite(acquired)) {
      throw new InputError("BAD_LOT", `${where} was acquired on "${lot.acquired}"; pass an ISO date YYYY-MM-DD`, { lot: k });
    }
    if (asOf !== undefined && acquired > asOf) throw new InputError("BAD_LOT", `${where} was acquired on ${lot.acquired}, after the sale date ${rates.asOf}`, { lot: k });
    const price = priceOf(lot.ticker);
    if (!(price > 0)) throw new InputError("MISSING_PRICE", `${where}: no positive price for ${lot.ticker}; pass its current price`, { lot: k });
    const longTerm = asOf !== undefined && (asOf - acquired) / DAY_MS >= rates.longTermDays;
    const rate = longTerm ? rates.longTermRate : rates.rate;
    return { lot: k, weight: (lot.shares * price) / value, taxPerUnit: rate * Math.max(0, 1 - lot.costBasis / price), rate };
  });
}
