/**
 * A hypothetical scenario: a parallel move in interest rates, applied to bond funds through their duration.
 */
import { InputError } from "../core/index";
import type { Scenario } from "./scenario";
import { holdingProfiles } from "./stress-context";

/** Options of {@link rateShock}. */
export interface RateShockOptions {
  /** Parallel change in yields in basis points (+200 = yields up 2 percentage points). */
  readonly basisPoints: number;
  /** Name shown in reports. Default `"rates +200 bp"`. */
  readonly name?: string;
}

/**
 * A hypothetical scenario: yields move in parallel by `basisPoints`, and each holding with a duration D
 * (bond funds) returns `ΔP/P ≈ −D·Δy` (first order: convexity, which softens large moves, is ignored; a
 * 16-year-duration fund loses 32 % for +200 bp). Holdings without a duration are left unchanged and named
 * in the notes — a rates shock alone does not move stocks here; combine it with another shock for that.
 *
 * @param options `{ basisPoints, name }`.
 * @throws InputError BAD_SHOCK when `basisPoints` is not finite (at construction); when run:
 *   MISSING_INSTRUMENTS / MISSING_INSTRUMENT when a holding's asset class is unknown, MISSING_DURATION when a
 *   bond holding has no duration.
 *
 * @example
 * ```ts
 * // 50 % in a 16-year bond fund, capital 1,000,000: 500,000 × 16 × 0.02 = 160,000 lost.
 * runStressTest(rateShock({ basisPoints: 200 }), portfolio, context).lossByAsset.values[0]; // => 160000
 * ```
 */
export function rateShock(options: RateShockOptions): Scenario {
  const caller = "rateShock";
  const bp = options.basisPoints;
  if (typeof bp !== "number" || !Number.isFinite(bp)) {
    throw new InputError("BAD_SHOCK", `${caller}: basisPoints ${String(bp)} must be a finite number, e.g. 200 for yields up 2 %`, { basisPoints: bp });
  }
  const deltaYield = bp / 10_000;
  const name = options.name ?? `rates ${bp >= 0 ? "+" : "−"}${Math.abs(bp)} bp`;
  return {
    name,
    kind: "hypothetical",
    evaluate(history) {
      const profiles = holdingProfiles(history, caller);
      const undated = profiles.filter((p) => p.assetClass === "bond" && !(typeof p.durationYears === "number" && Number.isFinite(p.durationYears)));
      if (undated.length > 0) {
        throw new InputError(
          "MISSING_DURATION",
          `${caller}: bond holding ${undated.map((p) => p.ticker).join(", ")} has no duration, so a rates shock cannot price it; set durationYears in its instrument profile`,
          { tickers: undated.map((p) => p.ticker) },
        );
      }
      const untouched: string[] = [];
      const assetReturns = Float64Array.from(profiles, (p) => {
        if (typeof p.durationYears === "number") return -p.durationYears * deltaYield;
        untouched.push(p.ticker);
        return 0;
      });
      const notes = ["first-order duration approximation ΔP/P ≈ −D·Δy (no convexity)"];
      if (untouched.length > 0) notes.push(`not shocked (no duration): ${untouched.join(", ")}`);
      return { assetReturns, description: `hypothetical: yields ${bp >= 0 ? "up" : "down"} ${Math.abs(bp)} bp in parallel, bond funds repriced by duration`, notes };
    },
  };
}
