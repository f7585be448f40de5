import type { BenchCase } from "./case";
import { canonicalBuildCase } from "./canonical-build";
import { covarianceLedoitWolfCase } from "./covariance-ledoit-wolf";
import { lstmCase } from "./lstm";
import { minVolatilityCase } from "./min-volatility";
import { randomForestCase } from "./random-forest";

/** Every benchmark case, in the order of the README's table. */
export const CASES: readonly BenchCase<any>[] = [covarianceLedoitWolfCase, minVolatilityCase, randomForestCase, lstmCase, canonicalBuildCase];
