import { InputError } from "../core/index";
import type { Figure } from "./figure";

/** One leaf of a {@link treemapChart}: an asset with its group (e.g. its sector) and its value (e.g. capital). */
export interface TreemapItem {
  readonly label: string;
  /** The group drawn around it, e.g. `"Health Care"` or `"bond"`. */
  readonly group: string;
  /** Its size, ≥ 0 (money or a weight). */
  readonly value: number;
}

/**
 * A treemap of values grouped in two levels (group → item), e.g. capital by sector and asset.
 * Items of value 0 are left out.
 *
 * @example
 * ```ts
 * treemapChart("Capital", [{ label: "A", group: "Tech", value: 600 }, { label: "B", group: "Bonds", value: 400 }]).data[0].labels;
 * // => ["Tech", "Bonds", "A", "B"]
 * ```
 * @throws InputError when a value is negative or not finite, or a label repeats.
 */
export function treemapChart(title: string, items: readonly TreemapItem[], options: { valueFormat?: string } = {}): Figure {
  const seen = new Set<string>();
  for (const it of items) {
    if (!Number.isFinite(it.value) || it.value < 0) throw new InputError("BAD_VALUE", `treemapChart: value of ${it.label} is ${it.value}; sizes are finite and ≥ 0`, { label: it.label });
    if (seen.has(it.label)) throw new InputError("DUPLICATE_LABEL", `treemapChart: ${it.label} appears twice; give each item once`, { label: it.label });
    seen.add(it.label);
  }
  const shown = items.filter((it) => it.value > 0);
  const groups = [...new Set(shown.map((it) => it.group))];
  const total = new Map(groups.map((g) => [g, shown.filter((it) => it.group === g).reduce((s, it) => s + it.value, 0)]));
  return {
    data: [
      {
        type: "treemap",
        ids: [...groups.map((g) => `group:${g}`), ...shown.map((it) => `item:${it.label}`)],
        labels: [...groups, ...shown.map((it) => it.label)],
        parents: [...groups.map(() => ""), ...shown.map((it) => `group:${it.group}`)],
        values: [...groups.map((g) => total.get(g)!), ...shown.map((it) => it.value)],
        branchvalues: "total",
        hovertemplate: `%{label}: %{value${options.valueFormat ? `:${options.valueFormat}` : ""}}<extra></extra>`,
      },
    ],
    layout: { title: { text: title }, height: 480, margin: { t: 50, l: 10, r: 10, b: 10 } },
  };
}
