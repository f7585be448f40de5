// An efficient frontier of 50 points on 100 assets, against cvxopt solving one QP per point at the same target returns.
import { join } from "node:path";
import { efficientFrontier } from "../../src/optimise/efficient-frontier";
import type { LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { readMatrix } from "../io";
import { agreeArrays } from "./agree";
import type { BenchCase } from "./case";
import { readMoments, writeMoments } from "./synthetic-returns";

const N = 100;
const DAYS = 750;
const POINTS = 50;

export const efficientFrontierCase: BenchCase<{ mu: LabelledVector; cov: LabelledMatrix }> = {
  name: "efficient-frontier",
  title: "efficient frontier, 50 points, 100 assets",
  baseline: "cvxopt, one QP per point",
  goal: 1,
  reps: 5,
  prepare(dir) {
    writeMoments(dir, DAYS, N, 31, { points: POINTS });
  },
  load(dir) {
    return readMoments(dir, N);
  },
  ours({ mu, cov }) {
    const frontier = efficientFrontier(mu, cov, { points: POINTS });
    return { returns: frontier.map((p) => p.expectedReturn), volatilities: frontier.map((p) => p.volatility) };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("efficient-frontier needs its baseline");
    // The two grids of target returns differ slightly (each solver's own minimum-volatility return), so each of
    // our points is compared with the baseline's frontier at the same return (linear interpolation between its
    // points; on a 50-point grid that adds well under 1e-4 relative).
    const br = baseline.result.returns as number[];
    const bv = baseline.result.volatilities as number[];
    const or = ours.result.returns as number[];
    const ov = ours.result.volatilities as number[];
    let worst = 0;
    let compared = 0;
    for (let i = 0; i < or.length; i++) {
      const r = or[i]!;
      const k = br.findIndex((x, j) => j > 0 && x >= r);
      if (k <= 0 || r < br[0]!) continue;
      const t = (r - br[k - 1]!) / (br[k]! - br[k - 1]! || 1);
      const v = bv[k - 1]! + t * (bv[k]! - bv[k - 1]!);
      worst = Math.max(worst, Math.abs(ov[i]! / v - 1));
      compared++;
    }
    const ends = agreeArrays("end points (min volatility, max return)", [or[0]!, ov[0]!, or[or.length - 1]!], [br[0]!, bv[0]!, br[br.length - 1]!], 1e-3);
    return {
      agrees: compared >= or.length - 2 && worst <= 1e-3 && ends.agrees,
      detail: `${compared} of ${or.length} points on the baseline's frontier within ${worst.toExponential(1)} relative volatility (tol 1e-3); ${ends.detail}`,
    };
  },
};
