import { describe, expect, it } from "vitest";
import { DEFAULT_VALIDATION_SETTINGS, resolveValidationSettings, settingsTable } from "../../src/validation";

describe("settingsTable", () => {
  it("has one row per threshold, by the dotted path an override takes, in the settings' order", () => {
    const t = settingsTable(DEFAULT_VALIDATION_SETTINGS);
    expect(t.labels[0]).toBe("earnings.netMargin.min");
    expect(t.at("earnings.netMargin.min", "value")).toBe("-0.5");
    expect(t.at("prices.staleDays", "value")).toBe("4");
    expect(t.at("stability.weights.growth", "value")).toBe(String(DEFAULT_VALIDATION_SETTINGS.stability.weights.growth));
    expect(t.labelName).toBe("setting");
  });
  it("shows an override", () => {
    expect(settingsTable(resolveValidationSettings({ prices: { staleDays: 7 } })).at("prices.staleDays", "value")).toBe("7");
  });
  it("does not change the settings (they are frozen)", () => {
    expect(() => settingsTable(DEFAULT_VALIDATION_SETTINGS)).not.toThrow();
  });
});
