/**
 * Sector caps and floors, as a constraint object (PyPortfolioOpt's `add_sector_constraints`).
 */
import { InfeasibleError, InputError } from "../../core/index";
import type { ConstraintSystem } from "./constraint-system";
import { formatNumber } from "../../core/index";
import type { PortfolioConstraint } from "./portfolio-constraint";

/** Options of {@link sectorLimits}. */
export interface SectorLimitsOptions {
  /** Sector of each ticker; tickers that are not among the assets are ignored, assets without a sector are unconstrained. */
  readonly sectorOf: Readonly<Record<string, string>>;
  /** Largest total weight per sector (fractions), e.g. `{ Tech: 0.3 }`. Default none. */
  readonly caps?: Readonly<Record<string, number>>;
  /** Smallest total weight per sector (fractions), e.g. `{ Energy: 0.05 }`. Default none. */
  readonly floors?: Readonly<Record<string, number>>;
}

const TOLERANCE = 1e-12;

/**
 * Sector caps and floors: for each sector `s`, `floorₛ ≤ Σ_{i ∈ s} wᵢ ≤ capₛ`, as PyPortfolioOpt's
 * `add_sector_constraints(sector_mapper, sector_lower, sector_upper)`. (With shorting allowed, a sector's
 * total is net of its shorts, as there.)
 *
 * Before solving, the diagnosis checks each sector (floor above cap, floor on a sector with no assets, a cap
 * below the lower bounds of its assets or a floor above their upper bounds) and the sum (caps and the other
 * assets' upper bounds must reach the budget; floors and the other lower bounds must not exceed it).
 *
 * @param options `{ sectorOf, caps = {}, floors = {} }`.
 * @returns a {@link PortfolioConstraint} named `"sector limits"`.
 * @throws InputError (when created) when a cap or floor is not a finite number or `sectorOf` is not an object.
 * @throws InfeasibleError (in the diagnosis), e.g. "sector caps: caps sum to 0.8 < 1 with no other assets; raise a cap".
 *
 * @example
 * ```ts
 * const limits = sectorLimits({ sectorOf: { ACME: "Tech", BOLT: "Tech", DYNA: "Energy" },
 *   caps: { Tech: 0.4 }, floors: { Energy: 0.1 } });
 * maxSharpe(mu, S, { constraints: [limits] }); // => Tech weights sum ≤ 0.4, DYNA ≥ 0.1
 * ```
 */
export function sectorLimits(options: SectorLimitsOptions): PortfolioConstraint {
  const name = "sector limits";
  const caps = options.caps ?? {};
  const floors = options.floors ?? {};
  if (typeof options.sectorOf !== "object" || options.sectorOf === null) {
    throw new InputError("BAD_SECTORS", `${name}: sectorOf must be an object mapping tickers to sectors, e.g. { ACME: "Tech" }`, {});
  }
  for (const [kind, record] of [["cap", caps], ["floor", floors]] as const) {
    for (const [sector, value] of Object.entries(record)) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InputError("BAD_SECTOR_LIMIT", `${name}: ${kind} of sector ${sector} is ${value}; pass a finite fraction`, { sector, kind, value });
      }
    }
  }
  const sectors = [...new Set([...Object.keys(caps), ...Object.keys(floors)])];
  const membersOf = (system: ConstraintSystem, sector: string) => {
    const members: number[] = [];
    for (let i = 0; i < system.nAssets; i++) if (options.sectorOf[system.labels[i]!] === sector) members.push(i);
    return members;
  };

  return {
    name,
    apply(system: ConstraintSystem) {
      for (const sector of sectors) {
        const members = membersOf(system, sector);
        if (members.length === 0) continue; // checked below
        const cap = caps[sector];
        const floor = floors[sector];
        const description =
          cap !== undefined && floor !== undefined ? `${floor} ≤ ${sector} ≤ ${cap}` : cap !== undefined ? `${sector} ≤ ${cap}` : `${sector} ≥ ${floor}`;
        system.addRow({
          indices: members,
          values: members.map(() => 1),
          lower: floor ?? -Infinity,
          upper: cap ?? Infinity,
          source: name,
          description: `sector ${description}`,
        });
      }
    },
    check(system: ConstraintSystem) {
      const budget = system.budget;
      let capacity = 0; // largest reachable total weight
      let requirement = 0; // smallest reachable total weight
      let capSum = 0;
      let floorSum = 0;
      const inCapped = new Uint8Array(system.nAssets);
      const inFloored = new Uint8Array(system.nAssets);
      for (const sector of sectors) {
        const members = membersOf(system, sector);
        const cap = caps[sector];
        const floor = floors[sector];
        if (cap !== undefined && floor !== undefined && floor > cap + TOLERANCE) {
          throw new InfeasibleError(
            "SECTOR_FLOOR_ABOVE_CAP",
            `sector limits: ${sector} floor ${floor} is above its cap ${cap}; lower the floor or raise the cap`,
            { sector, floor, cap },
          );
        }
        if (members.length === 0) {
          if (floor !== undefined && floor > TOLERANCE) {
            throw new InfeasibleError(
              "EMPTY_SECTOR_FLOOR",
              `sector floors: sector ${sector} has a floor of ${floor} but none of the assets is in it (sectorOf); drop the floor or add its assets`,
              { sector, floor },
            );
          }
          continue;
        }
        let upperSum = 0;
        let lowerSum = 0;
        for (const i of members) {
          upperSum += system.upper[i]!;
          lowerSum += system.lower[i]!;
        }
        if (cap !== undefined) {
          capSum += cap;
          capacity += Math.min(cap, upperSum);
          for (const i of members) inCapped[i] = 1;
        }
        if (floor !== undefined) {
          floorSum += floor;
          requirement += Math.max(floor, lowerSum);
          for (const i of members) inFloored[i] = 1;
        }
      }
      let otherUpper = 0;
      let otherCount = 0;
      let otherLower = 0;
      for (let i = 0; i < system.nAssets; i++) {
        if (!inCapped[i]) {
          otherUpper += system.upper[i]!;
          otherCount++;
        }
        if (!inFloored[i]) otherLower += system.lower[i]!;
      }
      if (Object.keys(caps).length > 0 && capacity + otherUpper < budget - TOLERANCE) {
        const message =
          otherCount === 0 && Math.abs(capacity - capSum) <= TOLERANCE
            ? `sector caps: caps sum to ${formatNumber(capSum)} < ${budget} with no other assets; raise a cap`
            : `sector caps: the caps and the upper bounds of the assets allow a total weight of at most ${formatNumber(capacity + otherUpper)} < ${budget}; raise a cap or an upper bound, or add assets outside the capped sectors`;
        throw new InfeasibleError("SECTOR_CAPS_BELOW_BUDGET", message, { capSum, capacity: capacity + otherUpper, budget });
      }
      if (Object.keys(floors).length > 0 && requirement + otherLower > budget + TOLERANCE) {
        const message =
          Math.abs(requirement - floorSum) <= TOLERANCE && Math.abs(otherLower) <= TOLERANCE
            ? `sector floors: floors sum to ${formatNumber(floorSum)} > ${budget}; lower a floor`
            : `sector floors: the floors and the lower bounds of the assets require a total weight of at least ${formatNumber(requirement + otherLower)} > ${budget}; lower a floor or a lower bound`;
        throw new InfeasibleError("SECTOR_FLOORS_ABOVE_BUDGET", message, { floorSum, requirement: requirement + otherLower, budget });
      }
    },
  };
}
