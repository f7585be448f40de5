import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/index";
import { MONITOR_DEFAULTS, MONITOR_EXIT_CODES, monitorSettings } from "../../src/workbook/index";

describe("monitorSettings", () => {
  it("fills in the stated defaults and keeps what is given", () => {
    expect(monitorSettings()).toEqual(MONITOR_DEFAULTS);
    expect(monitorSettings({ recentDays: 42, psi: 0.25 })).toMatchObject({ recentDays: 42, psi: 0.25, volatilityRatio: 1.5 });
    expect(MONITOR_EXIT_CODES).toEqual({ kept: 0, retrained: 10, badInput: 2, failure: 1 });
  });
  it("refuses bad windows and thresholds with typed errors naming them", () => {
    expect(() => monitorSettings({ recentDays: 2.5 })).toThrowError(/recentDays = 2.5 must be a whole number/);
    expect(() => monitorSettings({ volatilityRatio: 1 })).toThrowError(InputError);
    expect(() => monitorSettings({ errorRatio: -1 })).toThrowError(/errorRatio/);
    expect(() => monitorSettings({ validationShare: 1 })).toThrowError(/validationShare/);
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
