/**
 * The 60/40 portfolio: equities and bonds in a fixed proportion.
 */
import { InputError } from "../core/index";
import { fixedWeights } from "./fixed-weights";
import type { Strategy } from "./strategy";

/** Options of {@link sixtyForty}. */
export interface SixtyFortyOptions {
  /** The equity fund. Default `"MKTIDX"` (the synthetic market's index fund). */
  readonly equity?: string;
  /** The bond fund. Default `"LTBX"` (the synthetic market's long-term Treasury fund). */
  readonly bond?: string;
  /** Weight of the equity fund, the rest in bonds. Default 0.6. */
  readonly equityWeight?: number;
}

/**
 * The classic balanced portfolio: 60 % in an equity index fund and 40 % in a bond fund. Rebalanced on a
 * calendar it is a constant mix; with `neverRebalance()` it is bought once and drifts towards equities
 * ("60/40 buy and hold").
 *
 * @param options `{ equity = "MKTIDX", bond = "LTBX", equityWeight = 0.6 }`.
 * @throws InputError BAD_WEIGHTS for an equity weight outside [0, 1] or the same ticker twice.
 * @example
 * ```ts
 * sixtyForty().name; // => "60/40 (MKTIDX/LTBX)"
 * ```
 */
export function sixtyForty(options: SixtyFortyOptions = {}): Strategy {
  const equity = options.equity ?? "MKTIDX";
  const bond = options.bond ?? "LTBX";
  const w = options.equityWeight ?? 0.6;
  if (typeof w !== "number" || !(w >= 0 && w <= 1)) throw new InputError("BAD_WEIGHTS", `sixtyForty: equityWeight ${String(w)} must be a fraction in [0, 1]`, { equityWeight: w });
  if (equity === bond) throw new InputError("BAD_WEIGHTS", `sixtyForty: equity and bond are both ${equity}; pass two different tickers`, { equity });
  const name = `${Math.round(w * 100)}/${Math.round((1 - w) * 100)} (${equity}/${bond})`;
  return fixedWeights({ [equity]: w, [bond]: 1 - w }, { name });
}
