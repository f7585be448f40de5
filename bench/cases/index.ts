import { backtestCase } from "./backtest";
import type { BenchCase } from "./case";
import { canonicalBuildCase } from "./canonical-build";
import { covarianceLedoitWolfCase } from "./covariance-ledoit-wolf";
import { efficientFrontierCase } from "./efficient-frontier";
import { hrpCase } from "./hrp";
import { lstmCase } from "./lstm";
import { maxSharpeCase } from "./max-sharpe";
import { minVolatilityCase } from "./min-volatility";
import { minCvarCase } from "./min-cvar";
import { minCdarCase } from "./min-cdar";
import { maxCvarRatioCase } from "./max-cvar-ratio";
import { randomForestCase } from "./random-forest";
import { rebalanceCase } from "./rebalance";
import { hmmCase } from "./hmm";
import { sweepCase } from "./sweep";

/** Every benchmark case, in the order of the README's table. */
export const CASES: readonly BenchCase<any>[] = [
  covarianceLedoitWolfCase,
  minVolatilityCase,
  maxSharpeCase,
  efficientFrontierCase,
  hrpCase,
  minCvarCase,
  minCdarCase,
  maxCvarRatioCase,
  randomForestCase,
  lstmCase,
  backtestCase,
  canonicalBuildCase,
  rebalanceCase,
  hmmCase,
  sweepCase,
];
