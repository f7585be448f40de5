import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { panel } from "../../src/core/panel";
import { selectFeatures, selectRows, rowsWhere } from "../../src/features/index";
import { driftReport } from "../../src/models/monitoring/drift-report";
import { driftTable, recentDrift } from "../../src/models/monitoring/recent-drift";
import { createRng } from "../../src/core/random";

// Quarterly rows 2015–2020, 8 tickers; a feature that shifts in the last two years; forecasts from 2017 on.
const rng = createRng(11);
const quarters = ["03-31", "06-30", "09-30", "12-31"];
const days = Array.from({ length: 6 }, (_, y) => quarters.map((q) => `${2015 + y}-${q}`)).flat();
const dates = days.flatMap((d) => Array.from({ length: 8 }, () => d));
const tickers = dates.map((_, i) => `T${i % 8}`);
const shifted = Float64Array.from(dates, (d) => rng.normal() + (d >= "2019" ? 2 : 0));
const stable = Float64Array.from(dates, () => rng.normal());
const outcome = Float64Array.from(dates, () => rng.normal() / 10);
const forecast = Float64Array.from(dates, (d, i) => (d >= "2017" ? (outcome[i] as number) + rng.normal() / 20 : NaN));
const rows = panel({ names: ["shifted", "stable", "outcome", "forecast"], columns: [shifted, stable, outcome, forecast], dates, tickers });
const marketDates = Array.from({ length: 2200 }, (_, i) => new Date(Date.UTC(2015, 0, 2 + i)).toISOString().slice(0, 10));
const market = { labels: marketDates, values: Float64Array.from(marketDates, (d) => (d >= "2019" ? 0.02 : 0.01) * rng.normal()) };

describe("recentDrift", () => {
  it("equals driftReport of the recent years against the earlier ones, built by hand", () => {
    const drift = recentDrift(rows, { years: 2, features: ["shifted", "stable"], forecast: "forecast", marketReturns: market });
    expect(drift.since).toBe("2019-03-31");
    const frame = selectFeatures(rows, ["shifted", "stable"]);
    const before = rowsWhere(rows, (d) => d < "2019-03-31");
    const recent = rowsWhere(rows, (d) => d >= "2019-03-31");
    const errors = (positions: Int32Array) => Array.from(positions).filter((i) => !Number.isNaN(forecast[i] as number)).map((i) => (outcome[i] as number) - (forecast[i] as number));
    const returnsBetween = (from: string, to: string) => market.labels.flatMap((d, i) => (d >= from && d <= to ? [market.values[i] as number] : []));
    const expected = driftReport({
      reference: selectRows(frame, before),
      recent: selectRows(frame, recent),
      errors: { reference: errors(before), recent: errors(recent) },
      marketReturns: { reference: returnsBetween("2015-03-31", "2019-03-31"), recent: returnsBetween("2019-03-31", marketDates[marketDates.length - 1] ?? "") },
    });
    expect(drift).toEqual({ ...expected, since: "2019-03-31" });
    expect(drift.psi[0]?.feature).toBe("shifted");
    expect(drift.retrain).toBe(true);
  });

  it("shows one row with the reasons in the caption", () => {
    const drift = recentDrift(rows, { years: 2, features: ["shifted", "stable"] });
    const t = driftTable(drift);
    expect(t.labels).toEqual(["2019-03-31"]);
    expect(t.toRows()[0]?.retrain).toBe(true);
    expect(Number.isNaN(t.column("errorRatio").get("2019-03-31"))).toBe(true);
    expect(t.caption).toMatch(/^Retrain: shifted has shifted/);
  });

  it("throws on bad years or when every row is recent", () => {
    expect(() => recentDrift(rows, { years: 0, features: ["stable"] })).toThrowError(/years 0 must be a whole number/);
    expect(() => recentDrift(rows, { years: 6, features: ["stable"] })).toThrowError(InputError);
  });
});
