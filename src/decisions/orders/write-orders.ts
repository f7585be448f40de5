/**
 * Orders to a file a broker could take: CSV or JSON by the file's extension.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../../core/index";
import type { OrderList } from "./order-list";

/**
 * Writes an {@link OrderList} as CSV (`.csv`) or JSON (`.json`), creating the folder. Paper only: no broker is called.
 *
 * @returns the path written.
 * @throws InputError BAD_PATH for another extension.
 * @example
 * ```ts
 * writeOrders(orderList(weights, { prices, cash: 100_000 }), "out/orders.csv"); // => "out/orders.csv"
 * ```
 */
export function writeOrders(list: OrderList, path: string): string {
  const lower = path.toLowerCase();
  const text = lower.endsWith(".csv") ? list.toCsv() : lower.endsWith(".json") ? list.toJson() : undefined;
  if (text === undefined) throw new InputError("BAD_PATH", `writeOrders: ${path} must end in .csv or .json`, { path });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
