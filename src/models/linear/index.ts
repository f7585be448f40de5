/** Linear models: ridge regression and logistic regression (baselines and meta-models). */
export { RidgeRegression, type RidgeRegressionOptions } from "./ridge-regression";
export { LogisticRegression, type LogisticRegressionOptions } from "./logistic-regression";
export { solveSymmetric } from "./solve-symmetric";
export { fitStandardiser, standardise } from "./standardiser";
