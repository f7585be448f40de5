/**
 * The validation thresholds as a table: one row per setting, by its dotted path.
 */
import { table, type Table } from "../core/index";
import type { ValidationSettings } from "./settings";

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path === "" ? key : `${path}.${key}`, out);
  } else {
    out.set(path, String(value));
  }
}

/**
 * Every threshold of a settings object, one row per leaf, labelled by its dotted path (the path
 * `resolveValidationSettings` overrides take), its value as text, in the settings' order.
 *
 * @example
 * ```ts
 * const t = settingsTable(DEFAULT_VALIDATION_SETTINGS);
 * t.at("prices.staleDays", "value");          // => "4"
 * t.at("earnings.netMargin.min", "value");    // => "-0.5"
 * ```
 */
export function settingsTable(settings: ValidationSettings): Table {
  const leaves = new Map<string, string>();
  flatten(settings, "", leaves);
  return table({ value: Object.fromEntries(leaves) }, { labels: [...leaves.keys()], labelName: "setting" });
}
