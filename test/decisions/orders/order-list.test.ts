import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/index";
import { orderList, writeOrders } from "../../../src/decisions/orders/index";

describe("orderList", () => {
  it("rounds to whole shares and cuts the most over-weight purchase until cash pays (hand-computed)", () => {
    // 10,000 cash: A 50 % at 100 → 50 shares; B 50 % at 30 → 166.67, rounds to 167 (5,010), too much: cut to 166
    const list = orderList({ A: 0.5, B: 0.5 }, { prices: { A: 100, B: 30 }, cash: 10_000 });
    expect(list.orders.map((o) => `${o.side} ${o.shares} ${o.ticker}`)).toEqual(["buy 50 A", "buy 166 B"]);
    expect(list.cashAfter).toBeCloseTo(20, 9);
    expect(list.totalCost).toBe(0);
  });

  it("sells before buying, in lots, drops orders below the minimum and prices each order's cost", () => {
    // held: 100 A at 50 (5,000), 40 B at 25 (1,000), cash 4,000 → value 10,000
    const list = orderList(
      { A: 0.2, B: 0.1, C: 0.6 },
      { holdings: { A: 100, B: 40 }, prices: { A: 50, B: 25, C: 40 }, cash: 4_000, lotSize: { C: 10 }, minTradeValue: 100, costs: { commissionBps: 10, commissionPerShare: 0.01, spreadBps: 20, impact: 0.01 } },
    );
    // A: 2,000/50 − 100 = −60 (sell 60, 3,000); B: 1,000/25 − 40 = 0; C: 6,000/40 = 150 shares (15 lots)
    expect(list.orders.map((o) => `${o.side} ${o.shares} ${o.ticker}`)).toEqual(["sell 60 A", "buy 150 C"]);
    const sell = list.orders[0]!;
    // 10 bp of 3,000 + 0.6 + 10 bp (half of 20) of 3,000 + 0.01 × 0.3² × 10,000
    expect(sell.commission).toBeCloseTo(3.6, 10);
    expect(sell.spread).toBeCloseTo(3, 10);
    expect(sell.impact).toBeCloseTo(9, 8);
    expect(list.cashAfter).toBeGreaterThanOrEqual(0);
    const small = orderList({ A: 0.49 }, { holdings: { A: 100 }, prices: { A: 50 }, cash: 5_000, minTradeValue: 100 });
    expect(small.orders.length).toBe(1); // 98 − 100 = −2 shares, 100 of value: kept at the minimum
    const none = orderList({ A: 0.495 }, { holdings: { A: 100 }, prices: { A: 50 }, cash: 5_000, minTradeValue: 100 });
    expect(none.orders.length).toBe(0);
  });

  it("writes CSV and JSON a broker could take", () => {
    const list = orderList({ A: 0.5 }, { prices: { A: 100 }, cash: 10_000, costs: { commissionBps: 10 } });
    const dir = mkdtempSync(join(tmpdir(), "orders-"));
    const csv = readFileSync(writeOrders(list, join(dir, "orders.csv")), "utf8").trim().split("\n");
    expect(csv[0]).toBe("ticker,side,shares,price,notional,commission,spread,impact,cost");
    expect(csv[1]).toBe("A,buy,50,100,5000,5,0,0,5");
    const json = JSON.parse(readFileSync(writeOrders(list, join(dir, "orders.json")), "utf8"));
    expect(json.orders[0].shares).toBe(50);
    expect(json.totalCost).toBeCloseTo(5, 12);
    expect(() => writeOrders(list, join(dir, "orders.txt"))).toThrow(InputError);
  });

  it("refuses a missing price, a bad lot size, a negative cost and weights above 1", () => {
    expect(() => orderList({ A: 0.5 }, { prices: {}, cash: 100 })).toThrow(/price/);
    expect(() => orderList({ A: 0.5 }, { prices: { A: 1 }, cash: 100, lotSize: 0.5 })).toThrow(/lot size/);
    expect(() => orderList({ A: 0.5 }, { prices: { A: 1 }, cash: 100, costs: { spreadBps: -1 } })).toThrow(/spreadBps/);
    expect(() => orderList({ A: 0.7, B: 0.7 }, { prices: { A: 1, B: 1 }, cash: 100 })).toThrow(/sum/);
  });

  it("does not change its inputs", () => {
    const target = { A: 0.5, B: 0.5 };
    const prices = { A: 100, B: 30 };
    orderList(target, { prices, cash: 10_000 });
    expect(target).toEqual({ A: 0.5, B: 0.5 });
    expect(prices).toEqual({ A: 100, B: 30 });
  });
});
