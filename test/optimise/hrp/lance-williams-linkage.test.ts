import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, NumericalError } from "../../../src/core/errors";
import { hierarchicalRiskParity } from "../../../src/optimise/hrp/hierarchical-risk-parity";
import {
  averageLinkage,
  completeLinkage,
  lanceWilliamsLinkage,
  wardLinkage,
  weightedLinkage,
} from "../../../src/optimise/hrp/lance-williams-linkage";
import { quasiDiagonalOrder } from "../../../src/optimise/hrp/quasi-diagonal-order";
import type { LinkageMethod } from "../../../src/optimise/hrp/single-linkage";
import { singleLinkage } from "../../../src/optimise/hrp/single-linkage";
import { FIXTURE_DIR } from "../helpers/fixtures";
import { labelsOf, sum } from "../optimizer-fixtures";

type Method = "complete" | "average" | "weighted" | "ward";

/** The shape of linkage-expected.json (made by make_linkage_expected.py with scipy). */
interface LinkageExpected {
  readonly scipy: string;
  readonly cases: Record<string, { n: number; condensed: number[] } & Record<Method, number[][]>>;
  readonly hrp: { n: number; cov: number[] } & Record<Method | "single", { weights: number[]; order: number[] }>;
}

const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, "linkage-expected.json"), "utf8")) as LinkageExpected;

const METHODS: Record<Method, LinkageMethod> = {
  complete: completeLinkage,
  average: averageLinkage,
  weighted: weightedLinkage,
  ward: wardLinkage,
};

/** scipy's `squareform`: a condensed upper triangle to a symmetric row-major n × n matrix. */
function squareform(condensed: readonly number[], n: number): Float64Array {
  const d = new Float64Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      d[i * n + j] = condensed[k]!;
      d[j * n + i] = condensed[k]!;
    }
  }
  return d;
}

/** Largest |ours − scipy's| merge distance, after checking cluster ids and sizes exactly. */
function compareToScipy(ours: Float64Array, scipy: number[][]): number {
  expect(ours.length).toBe(4 * scipy.length);
  let worst = 0;
  scipy.forEach((row, k) => {
    expect([ours[4 * k], ours[4 * k + 1], ours[4 * k + 3]]).toEqual([row[0], row[1], row[3]]);
    worst = Math.max(worst, Math.abs(ours[4 * k + 2]! - row[2]!));
  });
  return worst;
}

const POINTS = Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0); // points 0, 1, 5 on a line

describe("completeLinkage, averageLinkage, weightedLinkage, wardLinkage", () => {
  for (const [name, c] of Object.entries(expected.cases)) {
    for (const [method, linkage] of Object.entries(METHODS) as [Method, LinkageMethod][]) {
      it(`match scipy ${expected.scipy} linkage(y, "${method}") on case ${name} (n = ${c.n})`, () => {
        const ours = linkage(squareform(c.condensed, c.n), c.n);
        expect(ours.n).toBe(c.n);
        expect(compareToScipy(ours.values, c[method])).toBeLessThanOrEqual(1e-12);
      });
    }
  }

  it("give the TSDoc examples", () => {
    expect(Array.from(completeLinkage(POINTS, 3).values)).toEqual([0, 1, 1, 2, 2, 3, 5, 3]);
    expect(Array.from(averageLinkage(POINTS, 3).values)).toEqual([0, 1, 1, 2, 2, 3, 4.5, 3]);
    const line4 = Float64Array.of(0, 1, 3, 7, 1, 0, 2, 6, 3, 2, 0, 4, 7, 6, 4, 0);
    expect(Array.from(weightedLinkage(line4, 4).values)).toEqual([0, 1, 1, 2, 2, 4, 2.5, 3, 3, 5, 5.25, 4]);
    const ward = wardLinkage(POINTS, 3).values;
    expect(Array.from(ward).filter((_, k) => k !== 6)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(ward[6]).toBeCloseTo(Math.sqrt(27), 14);
    const farthest = lanceWilliamsLinkage("farthest", (dxi, dyi) => Math.max(dxi, dyi));
    expect(Array.from(farthest(POINTS, 3).values)).toEqual([0, 1, 1, 2, 2, 3, 5, 3]);
  });

  it("read only the upper triangle, as squareform(D, checks=False)", () => {
    const upperOnly = Float64Array.of(0, 1, 5, NaN, 0, 4, NaN, NaN, 0);
    for (const linkage of Object.values(METHODS)) expect(linkage(upperOnly, 3).values).toEqual(linkage(POINTS, 3).values);
  });

  it("handle a single item and throw InputError for bad input", () => {
    for (const linkage of Object.values(METHODS)) {
      expect(linkage(Float64Array.of(0), 1)).toEqual({ n: 1, values: new Float64Array(0) });
      expect(() => linkage(new Float64Array(3), 2)).toThrow(InputError);
      expect(() => linkage(new Float64Array(0), 0)).toThrow(/pass a row-major n × n matrix/);
      expect(() => linkage(new Float64Array(4), 1.5)).toThrow(InputError);
      expect(() => linkage(Float64Array.of(0, 1, Infinity, 1, 0, 2, Infinity, 2, 0), 3)).toThrow(/distance\(0, 2\) is Infinity/);
    }
    expect(() => wardLinkage(Float64Array.of(0, NaN, 1, 0), 2)).toThrow(/wardLinkage: distance\(0, 1\) is NaN/);
  });

  it("throw NumericalError when Ward's squares overflow instead of returning NaN", () => {
    const huge = Float64Array.of(0, 1e200, 1e200, 1e200, 0, 1e200, 1e200, 1e200, 0);
    expect(() => wardLinkage(huge, 3)).toThrow(NumericalError);
    expect(() => wardLinkage(huge, 3)).toThrow(/rescale the distances/);
    expect(completeLinkage(huge, 3).values[6]).toBe(1e200);
  });

  it("agree with single linkage when the data allow one tree (two tight, far-apart pairs)", () => {
    const d = Float64Array.of(0, 10, 10, 1, 10, 0, 2, 10, 10, 2, 0, 10, 1, 10, 10, 0);
    for (const linkage of [completeLinkage, averageLinkage, weightedLinkage]) expect(linkage(d, 4).values).toEqual(singleLinkage(d, 4).values);
  });

  it("do not modify their input", () => {
    const c = expected.cases["n7"]!;
    const d = squareform(c.condensed, c.n);
    const copy = d.slice();
    for (const linkage of Object.values(METHODS)) linkage(d, c.n);
    expect(d).toEqual(copy);
  });
});

describe("hierarchicalRiskParity with the Lance–Williams linkages", () => {
  const { n } = expected.hrp;
  const cov = { labels: labelsOf(n), values: Float64Array.from(expected.hrp.cov) };

  for (const [method, linkage] of [["single", singleLinkage], ...Object.entries(METHODS)] as [Method | "single", LinkageMethod][]) {
    it(`matches HRPOpt(cov_matrix=S).optimize(linkage_method="${method}") re-implemented on scipy`, () => {
      const { weights, order } = hierarchicalRiskParity({ cov }, { linkage });
      expect(order).toEqual(expected.hrp[method].order.map((i) => cov.labels[i]));
      expect(sum(weights.values)).toBeCloseTo(1, 14);
      expect(Math.min(...weights.values)).toBeGreaterThan(0);
      const worst = Math.max(...expected.hrp[method].weights.map((w, i) => Math.abs(weights.values[i]! - w)));
      expect(worst).toBeLessThanOrEqual(1e-12);
    });
  }

  it("runs with wardLinkage, and quasiDiagonalOrder accepts its linkage", () => {
    const { weights, linkage, order } = hierarchicalRiskParity({ cov }, { linkage: wardLinkage });
    expect(sum(weights.values)).toBeCloseTo(1, 14);
    const leaves = quasiDiagonalOrder(linkage);
    expect([...leaves].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(order).toEqual(leaves.map((i) => cov.labels[i]));
  });
});
