import { describe, expect, it } from "vitest";
import { checkMissingYears } from "../../src/validation";
import { deepFreeze, fundamentalsRow } from "../fixtures/validation/builders";

describe("checkMissingYears", () => {
  const rows = deepFreeze([2018, 2020].map((y) => fundamentalsRow("A", y)));

  it("flags a year between reported years", () => {
    const [f, ...rest] = checkMissingYears(rows);
    expect(rest).toEqual([]);
    expect(f).toEqual({
      id: "missing-year/A/2019",
      check: "earnings",
      rule: "missing-year",
      ticker: "A",
      fiscalYear: 2019,
      date: "2019-12-31",
      severity: "warning",
      value: null,
      message: "A has no fundamentals for fiscal year 2019 (period ending 2019-12-31) between its reported years 2018 and 2020",
      target: { kind: "none" },
      allowed: ["accept"],
    });
  });

  it("with prices, also expects years at the edges whose 10-K was due while the stock traded", () => {
    const coverage = deepFreeze([{ ticker: "A", firstDate: "2017-03-01", lastDate: "2022-06-30" }]);
    expect(checkMissingYears(rows, coverage).map((f) => f.fiscalYear)).toEqual([2017, 2019, 2021]);
    const shortWindow = checkMissingYears(rows, [{ ticker: "A", firstDate: "2017-03-01", lastDate: "2022-03-30" }]);
    expect(shortWindow.map((f) => f.fiscalYear)).toEqual([2017, 2019]);
    // a year ending two days before the first price was filed while the stock traded
    const listedJan = checkMissingYears(rows, [{ ticker: "A", firstDate: "2017-01-02", lastDate: "2021-01-01" }]);
    expect(listedJan.map((f) => f.fiscalYear)).toEqual([2016, 2017, 2019]);
  });

  it("aligns a March year end to the previous fiscal year", () => {
    const march = deepFreeze([fundamentalsRow("M", 2012, { periodEnd: "2013-03-31" }), fundamentalsRow("M", 2014, { periodEnd: "2015-03-31" })]);
    expect(checkMissingYears(march)[0]).toMatchObject({ fiscalYear: 2013, date: "2014-03-31" });
  });
});
