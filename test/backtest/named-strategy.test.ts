import { describe, expect, it } from "vitest";
import {
  hrpStrategy,
  isStrategyName,
  maxSharpeStrategy,
  minVolatilityStrategy,
  namedStrategy,
  sixtyForty,
  STRATEGY_NAMES,
  STRATEGY_PARAMETERS,
} from "../../src/backtest/index";
import { SWEEP_STRATEGIES, strategyOf } from "../../src/sweep/sweep-strategies";
import { CLI_STRATEGIES } from "../../src/cli/backtest-command";

/** What identifies a strategy's configuration: its name, parameters (functions, such as the risk model, by name) and warm-up. */
const identity = (s: { name: string; parameters: unknown; warmUpDays?: number }) =>
  JSON.stringify({ name: s.name, parameters: s.parameters, warmUpDays: s.warmUpDays }, (_, v: unknown) => (typeof v === "function" ? `function ${(v as { name: string }).name}` : v));

describe("namedStrategy", () => {
  it("builds each named strategy as its own constructor does, with the documented defaults", () => {
    expect(identity(namedStrategy("min-volatility"))).toEqual(identity(minVolatilityStrategy({ lookbackDays: 252, minObservations: 60 })));
    expect(identity(namedStrategy("max-sharpe", { lookbackDays: 40, maxWeight: 0.3, riskFreeRate: 0.02 }))).toEqual(
      identity(maxSharpeStrategy({ lookbackDays: 40, minObservations: 41, bounds: [0, 0.3], riskFreeRate: 0.02 })),
    );
    expect(identity(namedStrategy("hrp", { lookbackDays: 126 }))).toEqual(identity(hrpStrategy({ lookbackDays: 126, minObservations: 60 })));
    expect(identity(namedStrategy("sixty-forty", { equityWeight: 0.7 }))).toEqual(identity(sixtyForty({ equity: "MKTIDX", bond: "LTBX", equityWeight: 0.7 })));
  });

  it("is the one catalogue of the command line and the sweep", () => {
    expect([...CLI_STRATEGIES]).toEqual([...STRATEGY_NAMES]);
    expect(Object.keys(SWEEP_STRATEGIES)).toEqual([...STRATEGY_NAMES]);
    for (const name of STRATEGY_NAMES) {
      expect(SWEEP_STRATEGIES[name]).toEqual([...STRATEGY_PARAMETERS[name]]);
      expect(identity(strategyOf(name, {}))).toEqual(identity(namedStrategy(name)));
    }
    expect(identity(strategyOf("min-volatility", { lookbackDays: 126, maxWeight: 0.25 }))).toEqual(identity(namedStrategy("min-volatility", { lookbackDays: 126, maxWeight: 0.25 })));
  });

  it("knows its names", () => {
    expect(isStrategyName("risk-parity")).toBe(true);
    expect(isStrategyName("momentum")).toBe(false);
  });
});
