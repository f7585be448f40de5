import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portfolios } from "../../src/optimise/index";
import { prior } from "../../src/moments/index";
import { efficientReturn, efficientRisk, equalRiskContribution, hierarchicalRiskParity, maxQuadraticUtility, maxSharpe, maxOwaRatio, minCvar, minOwaRisk, minVolatility } from "../../src/optimise/index";
import { expectedReturns, returnsFromPrices, riskModels } from "../../src/moments/index";
import { portfolioPerformance } from "../../src/measures/index";
import type { DateTable, LabelledVector } from "../../src/core/frame";
import { main } from "../../src/cli/main";
import { OPTIMIZE_METHODS, OPTIMIZE_USAGE, parseOptimizeArgs } from "../../src/cli/optimize-command";
import { loadPrices } from "../../src/cli/backtest-command";
import { packagePath } from "../../src/core/paths";

const fixture = packagePath("test", "fixtures", "allocation", "prices.csv");
const dir = mkdtempSync(join(tmpdir(), "workbook-optimize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["optimize", ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let prices: DateTable;
beforeAll(async () => {
  prices = (await loadPrices(fixture, () => {})).prices;
});

/** The library's weights for each method, called directly (sample covariance, geometric mean returns). */
async function direct(method: string): Promise<LabelledVector> {
  const mu = expectedReturns.meanHistoricalReturn(prices);
  const cov = riskModels.sampleCovariance(prices);
  switch (method) {
    case "min-volatility":
      return minVolatility(cov, { bounds: [0, 0.6] });
    case "max-sharpe":
      return maxSharpe(mu, cov, { riskFreeRate: 0.02, bounds: [0, 0.6] });
    case "max-quadratic-utility":
      return maxQuadraticUtility(mu, cov, { riskAversion: 4, bounds: [0, 0.6] });
    case "efficient-return":
      return efficientReturn(mu, cov, 0.15, { bounds: [0, 0.6] });
    case "efficient-risk":
      return efficientRisk(mu, cov, 0.14, { bounds: [0, 0.6] });
    case "hrp":
      return hierarchicalRiskParity({ cov }).weights;
    case "risk-parity":
      return equalRiskContribution(cov);
    case "herc":
      return portfolios.herc(prior(prices), { bounds: [0, 0.6] }).weights;
    case "min-risk":
      return (await minOwaRisk(returnsFromPrices(prices), { measure: "giniMeanDifference", bounds: [0, 0.6] })).weights;
    case "max-ratio":
      return (await maxOwaRatio(returnsFromPrices(prices), { measure: "cvar", bounds: [0, 0.6], riskFreeRate: 0.02 / 252 })).weights;
    default:
      return (await minCvar(returnsFromPrices(prices), { bounds: [0, 0.6] })).weights;
  }
}

const flagsOf: Record<string, string[]> = {
  "min-volatility": ["--bounds", "0,0.6"],
  "max-sharpe": ["--bounds", "0,0.6"],
  "max-quadratic-utility": ["--bounds", "0,0.6", "--risk-aversion", "4"],
  "efficient-return": ["--bounds", "0,0.6", "--target", "0.15"],
  "efficient-risk": ["--bounds", "0,0.6", "--target", "0.14"],
  hrp: [],
  "risk-parity": [],
  herc: ["--bounds", "0,0.6"],
  "min-cvar": ["--bounds", "0,0.6"],
  "min-risk": ["--bounds", "0,0.6", "--risk-measure", "giniMeanDifference"],
  "max-ratio": ["--bounds", "0,0.6", "--risk-measure", "cvar"],
};

describe("npx workbook optimize on test/fixtures/allocation/prices.csv", () => {
  it("nco: refuses the file's late listings with the reason (NCO's cross-validation needs complete returns)", async () => {
    const r = await cli("--prices", fixture, "--method", "nco", "--json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/NCO needs complete returns \(drop the date or the ticker\)/);
  });

  for (const method of OPTIMIZE_METHODS.filter((m) => m !== "nco")) {
    it(`${method}: --json parses, has exactly weights and performance, and matches the library`, async () => {
      const r = await cli("--prices", fixture, "--method", method, "--risk-free-rate", "0.02", ...flagsOf[method]!, "--json");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as { weights: Record<string, number>; performance: Record<string, number> };
      expect(Object.keys(json).sort()).toEqual(["performance", "weights"]);
      expect(Object.keys(json.performance).sort()).toEqual(["expectedReturn", "sharpe", "volatility"]);
      const expected = await direct(method);
      expect(Object.keys(json.weights)).toEqual([...expected.labels]);
      expected.labels.forEach((t, i) => expect(json.weights[t]).toBeCloseTo(expected.values[i]!, 10));
      const p = portfolioPerformance(expected, expectedReturns.meanHistoricalReturn(prices), riskModels.sampleCovariance(prices), { riskFreeRate: 0.02 });
      expect(json.performance.expectedReturn).toBeCloseTo(p.expectedReturn, 10);
      expect(json.performance.volatility).toBeCloseTo(p.volatility, 10);
      expect(json.performance.sharpe).toBeCloseTo(p.sharpe, 8);
      if (flagsOf[method]!.includes("0,0.6")) for (const w of Object.values(json.weights)) expect(w).toBeLessThanOrEqual(0.6 + 1e-9);
    });
  }

  it("prints a readable table by default, largest weight first, with the performance line", async () => {
    const r = await cli("--prices", fixture, "--method", "min-volatility");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^min-volatility, sample covariance, 2021-01-04 … 2022-02-25 \(\d+ days, 6 tickers\)/);
    expect(r.out).toMatch(/ticker\s+weight\nDYNA\s+\d+\.\d\d %/);
    expect(r.out).toMatch(/expected return [\d.]+ % {3}volatility [\d.]+ % {3}Sharpe [\d.-]+ \(risk-free rate 0\)/);
  });

  it("uses the --cov risk model", async () => {
    const sample = JSON.parse((await cli("--prices", fixture, "--method", "min-volatility", "--json")).out);
    const shrunk = JSON.parse((await cli("--prices", fixture, "--method", "min-volatility", "--cov", "ledoit-wolf", "--json")).out);
    const exp = await cli("--prices", fixture, "--method", "min-volatility", "--cov", "exp", "--json");
    expect(exp.code).toBe(0);
    const lw = minVolatility(riskModels.ledoitWolfConstantVariance(prices));
    lw.labels.forEach((t, i) => expect(shrunk.weights[t]).toBeCloseTo(lw.values[i]!, 10));
    expect(shrunk.weights).not.toEqual(sample.weights);
  });

  it("documents every flag in --help", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(OPTIMIZE_USAGE);
    for (const flag of ["--prices", "--method", "--risk-measure", "--risk-free-rate", "--target", "--risk-aversion", "--bounds", "--cov", "--json", "--help"]) expect(r.out).toContain(flag);
    for (const method of OPTIMIZE_METHODS) expect(r.out).toContain(method);
    const usage: string[] = [];
    await main(["help"], (l) => usage.push(l));
    expect(usage.join("\n")).toContain("optimize --prices FILE --method METHOD");
  });
});

describe("npx workbook optimize refuses bad requests with a message and exit code 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown method", ["--method", "max-fun"], /unknown method "max-fun"; choose one of min-volatility, max-sharpe/],
    ["a missing --target for efficient-return", ["--method", "efficient-return"], /efficient-return needs --target/],
    ["a missing --target for efficient-risk", ["--method", "efficient-risk"], /efficient-risk needs --target/],
    ["--target for another method", ["--method", "hrp", "--target", "0.1"], /--target is for efficient-return and efficient-risk, not hrp/],
    ["an unknown flag", ["--method", "hrp", "--fast"], /unknown flag --fast/],
    ["a flag without its value", ["--method"], /--method needs a value/],
    ["bad bounds", ["--method", "min-volatility", "--bounds", "0.5"], /--bounds takes LO,HI/],
    ["crossed bounds", ["--method", "min-volatility", "--bounds", "0.5,0.1"], /--bounds takes LO,HI/],
    ["bounds for risk parity", ["--method", "risk-parity", "--bounds", "0,0.5"], /--bounds does not apply to risk-parity/],
    ["a bad risk aversion", ["--method", "max-quadratic-utility", "--risk-aversion", "-1"], /--risk-aversion takes a number > 0, e.g. 2, got "-1"/],
    ["an unknown covariance", ["--method", "hrp", "--cov", "oas"], /--cov takes sample, ledoit-wolf, exp, got "oas"/],
    ["min-risk without a measure", ["--method", "min-risk"], /min-risk needs --risk-measure, one of volatility, cdar, cvar/],
    ["an unknown risk measure", ["--method", "min-risk", "--risk-measure", "evar"], /--risk-measure takes one of volatility, cdar, cvar, .*, got "evar"/],
    ["a risk measure for another method", ["--method", "max-sharpe", "--risk-measure", "cvar"], /--risk-measure is for min-risk, max-ratio, risk-parity, hrp, herc, not max-sharpe/],
    ["a cluster measure for min-risk", ["--method", "min-risk", "--risk-measure", "variance"], /--risk-measure takes one of volatility, .* for min-risk, got "variance"/],
    ["a bad risk-free rate", ["--method", "max-sharpe", "--risk-free-rate", "two"], /--risk-free-rate takes an annual rate/],
    ["a volatility target below the minimum", ["--method", "efficient-risk", "--target", "0.05"], /efficientRisk: target volatility 0.05 is below the minimum achievable 0\.1\d+/],
    ["bounds that cannot be fully invested", ["--method", "min-volatility", "--bounds", "0,0.1"], /upper bounds sum to 0\.6 < 1/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await cli("--prices", fixture, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
      expect(r.out).toBe("");
    });
  }

  it("a missing --prices or --method", async () => {
    expect((await cli("--method", "hrp")).err).toMatch(/--prices FILE.csv is required/);
    expect((await cli("--prices", fixture)).err).toMatch(/--method is required; choose one of/);
  });

  it("a missing or malformed file", async () => {
    const missing = await cli("--prices", join(dir, "nope.csv"), "--method", "hrp");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read price file .*nope\.csv/);
    const file = join(dir, "bad.csv");
    writeFileSync(file, "date,A,B\n2021-01-04,x,3\n");
    const malformed = await cli("--prices", file, "--method", "hrp");
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/line 2: "x" in column A is not a number/);
  });

  it("parses --flag=value forms", () => {
    expect(parseOptimizeArgs(["--prices=p.csv", "--method=efficient-risk", "--target=0.15", "--bounds=0,0.4"])).toMatchObject({
      prices: "p.csv",
      method: "efficient-risk",
      target: 0.15,
      bounds: [0, 0.4],
    });
  });
});
