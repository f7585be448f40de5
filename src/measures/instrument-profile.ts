/**
 * What the risk and stress layers need to know about an instrument besides its prices.
 */

/**
 * The facts about an instrument that sector grouping and hypothetical shocks use. The synthetic market's
 * `Instrument` satisfies it, so `market.instruments` can be passed as is.
 *
 * @example
 * ```ts
 * const bond: InstrumentProfile = { ticker: "LTBX", assetClass: "bond", sector: null, durationYears: 16 };
 * const stock: InstrumentProfile = { ticker: "QBTX", assetClass: "equity", sector: "Information Technology" };
 * ```
 */
export interface InstrumentProfile {
  readonly ticker: string;
  /** Asset class, e.g. `"equity"`, `"bond"`, `"commodity"`, `"reit"`, `"crypto"`, `"index"`. */
  readonly assetClass: string;
  /** Sector for equities; `null` or absent otherwise (grouped by asset class instead). */
  readonly sector?: string | null;
  /** Modified duration in years for bond funds (ΔP/P ≈ −D·Δy); `null` or absent otherwise. */
  readonly durationYears?: number | null;
}

/**
 * The group an instrument's risk is reported under: its sector when it has one, else its asset class.
 *
 * @example
 * ```ts
 * sectorOrClass({ ticker: "LTBX", assetClass: "bond", sector: null }); // => "bond"
 * sectorOrClass({ ticker: "QBTX", assetClass: "equity", sector: "Information Technology" }); // => "Information Technology"
 * ```
 */
export function sectorOrClass(instrument: InstrumentProfile): string {
  return instrument.sector ?? instrument.assetClass;
}
