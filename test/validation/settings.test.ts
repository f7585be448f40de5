import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { DEFAULT_VALIDATION_SETTINGS, resolveValidationSettings } from "../../src/validation";

describe("validation settings", () => {
  it("has frozen, documented defaults", () => {
    expect(Object.isFrozen(DEFAULT_VALIDATION_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VALIDATION_SETTINGS.prices.splitRatios)).toBe(true);
    expect(DEFAULT_VALIDATION_SETTINGS.earnings.restatementThreshold).toBe(0.01);
    expect(DEFAULT_VALIDATION_SETTINGS.prices.staleDays).toBe(4);
  });

  it("merges an override into the defaults without changing either", () => {
    const override = Object.freeze({ prices: Object.freeze({ staleDays: 3 }), earnings: Object.freeze({ netMargin: Object.freeze({ max: 0.4 }) }) });
    const s = resolveValidationSettings(override);
    expect(s.prices.staleDays).toBe(3);
    expect(s.prices.outlierZ).toBe(DEFAULT_VALIDATION_SETTINGS.prices.outlierZ);
    expect(s.earnings.netMargin).toEqual({ min: -0.5, max: 0.4 });
    expect(DEFAULT_VALIDATION_SETTINGS.prices.staleDays).toBe(4);
    expect(resolveValidationSettings()).toEqual(DEFAULT_VALIDATION_SETTINGS);
  });

  it("names an unknown setting and a bad value", () => {
    expect(() => resolveValidationSettings({ prices: { stale: 3 } } as never)).toThrow(/unknown validation setting prices\.stale; known: calendarShare/);
    expect(() => resolveValidationSettings({ prices: { staleDays: 1 } })).toThrow(InputError);
    expect(() => resolveValidationSettings({ prices: { staleDays: Number.NaN } })).toThrow(/prices\.staleDays must be a finite number/);
    expect(() => resolveValidationSettings({ earnings: { netMargin: { min: 0.5, max: 0.1 } } })).toThrow(/earnings\.netMargin/);
    expect(() => resolveValidationSettings({ stability: { weights: { growth: 0, earnings: 0, drawdown: 0 } } })).toThrow(/not all 0/);
  });
});
