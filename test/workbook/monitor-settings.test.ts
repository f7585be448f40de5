import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/index";
import { monitoring } from "../../src/models/index";
import { MONITOR_DEFAULTS, MONITOR_EXIT_CODES, monitorSettings } from "../../src/workbook/index";

describe("monitorSettings", () => {
  it("fills in the stated defaults and keeps what is given", () => {
    expect(monitorSettings()).toEqual(MONITOR_DEFAULTS);
    expect(monitorSettings({ recentDays: 42, psi: 0.25 })).toMatchObject({ recentDays: 42, psi: 0.25, volatilityRatio: 1.5 });
    expect(MONITOR_EXIT_CODES).toEqual({ kept: 0, retrained: 10, badInput: 2, failure: 1 });
    // the file stays light (no models import), so its test defaults are literals: the same as the models layer's
    expect([MONITOR_DEFAULTS.volatilityLevel, MONITOR_DEFAULTS.volatilityInflation]).toEqual([monitoring.VOLATILITY_TEST_LEVEL, monitoring.VOLATILITY_INFLATION]);
    expect(MONITOR_DEFAULTS.referenceDays).toBe(252);
  });
  it("refuses bad windows and thresholds with typed errors naming them", () => {
    expect(() => monitorSettings({ recentDays: 2.5 })).toThrowError(/recentDays = 2.5 must be a whole number/);
    expect(() => monitorSettings({ volatilityRatio: 1 })).toThrowError(InputError);
    expect(() => monitorSettings({ errorRatio: -1 })).toThrowError(/errorRatio/);
    expect(() => monitorSettings({ validationShare: 1 })).toThrowError(/validationShare/);
    expect(() => monitorSettings({ volatilityLevel: 0 })).toThrowError(/volatilityLevel = 0 is invalid/);
    expect(() => monitorSettings({ volatilityInflation: 0.5 })).toThrowError(/volatilityInflation = 0.5 is invalid/);
    const code = (() => {
      try {
        monitorSettings({ maxAgeDays: 0 });
        return "none";
      } catch (e) {
        return (e as InputError).code;
      }
    })();
    expect(code).toBe("BAD_THRESHOLD");
  });
});
