/**
 * What to do now, in sentences: the weight gaps by group and the strongest signals by asset.
 */
import { InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import type { ExplanationCard, Signal } from "../../decisions/index";
import { groupWeights } from "./group-weights";

/** One thing to do, with why. */
export interface ActionableItem {
  /** `"rebalance"`: a group's weight moves; `"signal"`: one asset's strong signal; `"hold"`: nothing to do. */
  readonly kind: "rebalance" | "signal" | "hold";
  /** The instruction, e.g. `"Rebalance now: increase bonds (LTBX, STBX) from 20.0 % to 35.0 %"`. */
  readonly action: string;
  /** Why: the moves behind it and the explanation card of the largest one. */
  readonly explanation: string;
  /** Target − current weight of the group or asset (fraction; 0 for "hold"). */
  readonly gap: number;
}

/** Options of {@link actionableItems}. */
export interface ActionableItemsOptions {
  /** The group of every ticker, as the reader should read it, e.g. `{ LTBX: "bonds", MKTIDX: "the index fund" }`. */
  readonly groupOf: Readonly<Record<string, string>>;
  /** A group whose weight should move by at least this much (fraction of value) is rebalanced. Default 0.02 (2 points). */
  readonly groupGap?: number;
  /** The asset signals that get an item of their own. Default `["STRONG BUY", "SELL"]`. */
  readonly signals?: readonly Signal[];
  /** Tickers named per group, largest moves first. Default 3. */
  readonly maxTickers?: number;
}

/** Default {@link ActionableItemsOptions.groupGap}: two percentage points. */
export const DEFAULT_GROUP_GAP = 0.02;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const points = (x: number) => `${x >= 0 ? "+" : "−"}${(Math.abs(x) * 100).toFixed(1)} points`;

/**
 * The actionable items of a rebalance, largest first:
 * - one **rebalance** item per group whose target weight differs from its current weight by at least `groupGap`,
 *   naming the tickers that move the same way (largest first) and explaining with every move in the group and
 *   the explanation card of the largest, after its ticker;
 * - one **signal** item per asset whose card's signal is in `signals` (by default STRONG BUY and SELL) and
 *   that no rebalance item names already, explained by the card's sentence;
 * - a single **hold** item when there is nothing else to do.
 *
 * @param current current weights (fractions of value); not changed.
 * @param target target weights over the same labels; not changed.
 * @param cards `explanationCards` of the target against `current` (any subset of the tickers).
 * @throws InputError LABEL_MISMATCH when `current` and `target` differ in labels; BAD_THRESHOLD for a
 *   `groupGap` outside (0, 1) or `maxTickers` below 1; NO_GROUP for a ticker without a group.
 * @example
 * ```ts
 * const labels = ["LTBX", "STBX", "MKTIDX"];
 * actionableItems({ labels, values: Float64Array.of(0.2, 0, 0.8) }, { labels, values: Float64Array.of(0.25, 0.1, 0.65) }, [],
 *   { groupOf: { LTBX: "bonds", STBX: "bonds", MKTIDX: "the index fund" } }).map((i) => i.action);
 * // => ["Rebalance now: increase bonds (STBX, LTBX) from 20.0 % to 35.0 %", "Rebalance now: reduce the index fund (MKTIDX) from 80.0 % to 65.0 %"]
 * ```
 */
export function actionableItems(current: LabelledVector, target: LabelledVector, cards: readonly ExplanationCard[], options: ActionableItemsOptions): ActionableItem[] {
  const caller = "actionableItems";
  const n = target.labels.length;
  if (current.labels.length !== n || current.labels.some((t, i) => t !== target.labels[i])) {
    throw new InputError("LABEL_MISMATCH", `${caller}: current and target weights must have the same tickers in the same order (${current.labels.length} and ${n}); lay the current weights over the target's labels`);
  }
  const groupGap = options.groupGap ?? DEFAULT_GROUP_GAP;
  const maxTickers = options.maxTickers ?? 3;
  if (!(groupGap > 0 && groupGap < 1)) throw new InputError("BAD_THRESHOLD", `${caller}: groupGap ${groupGap} must lie in (0, 1), e.g. 0.02 for two points`);
  if (!Number.isInteger(maxTickers) || maxTickers < 1) throw new InputError("BAD_THRESHOLD", `${caller}: maxTickers ${maxTickers} must be a whole number ≥ 1`);
  const signals = new Set<Signal>(options.signals ?? ["STRONG BUY", "SELL"]);
  const cardOf = new Map(cards.map((c) => [c.ticker, c]));
  const now = groupWeights(current, options.groupOf);
  const then = groupWeights(target, options.groupOf);
  const items: ActionableItem[] = [];
  const named = new Set<string>();
  now.labels.forEach((group, g) => {
    const from = now.values[g]!;
    const to = then.values[then.labels.indexOf(group)]!;
    const gap = to - from;
    if (Math.abs(gap) < groupGap) return;
    const all = target.labels
      .map((ticker, i) => ({ ticker, gap: target.values[i]! - current.values[i]! }))
      .filter((m) => options.groupOf[m.ticker] === group && Math.abs(m.gap) > 1e-6)
      .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
    const moves = all.filter((m) => Math.sign(m.gap) === Math.sign(gap));
    const shown = moves.slice(0, maxTickers).map((m) => m.ticker);
    for (const t of shown) named.add(t);
    const more = moves.length > maxTickers ? ` and ${moves.length - maxTickers} more` : "";
    const largest = moves[0] ? cardOf.get(moves[0].ticker) : undefined;
    items.push({
      kind: "rebalance",
      action: `Rebalance now: ${gap > 0 ? "increase" : "reduce"} ${group} (${shown.join(", ")}${more}) from ${pct(from)} to ${pct(to)}`,
      // The card's sentence does not name its asset: say which one it explains.
      explanation: `${all.map((m) => `${m.ticker} ${points(m.gap)}`).join(", ")}.${largest ? ` ${largest.ticker}: ${largest.sentence}` : ""}`,
      gap,
    });
  });
  for (const card of cards) {
    if (!signals.has(card.signal) || named.has(card.ticker)) continue;
    items.push({ kind: "signal", action: `${card.signal}: ${card.ticker} from ${pct(card.current)} to ${pct(card.weight)}`, explanation: card.sentence, gap: card.weight - card.current });
  }
  if (items.length === 0) {
    return [{ kind: "hold", action: `Hold: every group is within ${pct(groupGap)} of its target`, explanation: `No group's weight should move by ${pct(groupGap)} or more, and no asset has a ${[...signals].join(" or ")} signal.`, gap: 0 }];
  }
  // Largest move first; moves within a basis point of each other keep their order (groups as they first appear).
  const byMove = (a: ActionableItem, b: ActionableItem) => (Math.abs(Math.abs(b.gap) - Math.abs(a.gap)) < 1e-4 ? 0 : Math.abs(b.gap) - Math.abs(a.gap));
  return items.sort((a, b) => (a.kind === b.kind ? byMove(a, b) : a.kind === "rebalance" ? -1 : 1));
}
