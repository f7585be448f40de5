import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { businessDays } from "../../../src/data/synthetic/calendar";
import { DEFAULT_MARKET_PARAMS } from "../../../src/data/synthetic/params";
import { CALM, CRISIS, regimeSpans, simulateRegimes } from "../../../src/data/synthetic/regimes";

const regimes = DEFAULT_MARKET_PARAMS.regimes;

describe("simulateRegimes", () => {
  it("forces the crisis windows and starts calm", () => {
    const dates = businessDays("2008-09-01", "2008-09-30");
    const states = simulateRegimes(dates, { ...regimes, calmToCrisis: 0 }, createRng(1));
    dates.forEach((d, i) => expect(states[i]).toBe(d >= "2008-09-15" ? CRISIS : CALM));
  });

  it("never enters crisis outside the windows when calmToCrisis is 0, and ends forced windows calm", () => {
    const dates = businessDays("2006-01-02", "2025-12-31");
    const states = simulateRegimes(dates, { ...regimes, calmToCrisis: 0, crisisToCalm: 0 }, createRng(2));
    dates.forEach((d, i) => {
      const forced = regimes.forcedCrises.some((w) => d >= w.start && d <= w.end);
      expect(states[i]).toBe(forced ? CRISIS : CALM);
    });
  });

  it("has random crises with the expected frequency and length", () => {
    const dates = businessDays("1900-01-01", "2099-12-31"); // ≈ 52,000 days
    const states = simulateRegimes(dates, { ...regimes, forcedCrises: [], calmToCrisis: 0.002, crisisToCalm: 0.02 }, createRng(3));
    const spans = regimeSpans(dates, states).filter((s) => s.kind === "crisis");
    const crisisDays = states.reduce((a, s) => a + s, 0);
    expect(crisisDays / spans.length).toBeGreaterThan(35); // mean length 1 / 0.02 = 50 days
    expect(crisisDays / spans.length).toBeLessThan(65);
    expect(crisisDays / dates.length).toBeGreaterThan(0.06); // stationary share 0.002 / 0.022 ≈ 0.09
    expect(crisisDays / dates.length).toBeLessThan(0.12);
  });

  it("is deterministic and does not change its input", () => {
    const dates = Object.freeze(businessDays("2006-01-02", "2010-12-31"));
    const before = dates.join();
    const a = simulateRegimes(dates, regimes, createRng(9));
    const b = simulateRegimes(dates, regimes, createRng(9));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(dates.join()).toBe(before);
    expect(a.length).toBe(dates.length);
  });
});

describe("regimeSpans", () => {
  it("collapses states into alternating runs covering every date", () => {
    const dates = ["2020-02-18", "2020-02-19", "2020-02-20", "2020-02-21", "2020-02-24"];
    expect(regimeSpans(dates, Uint8Array.from([0, 0, 1, 1, 0]))).toEqual([
      { start: "2020-02-18", end: "2020-02-19", kind: "calm" },
      { start: "2020-02-20", end: "2020-02-21", kind: "crisis" },
      { start: "2020-02-24", end: "2020-02-24", kind: "calm" },
    ]);
    expect(regimeSpans([], new Uint8Array(0))).toEqual([]);
  });
});
