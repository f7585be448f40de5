/**
 * Market regimes: a Gaussian hidden Markov model of returns (Baum–Welch with seeded starts, Viterbi, filtered and
 * smoothed probabilities), the number of states by BIC, and the confusion table against known regimes.
 */
export { fitHmm, GaussianHmm, MIN_OBSERVATIONS_PER_PARAMETER, RELATIVE_COVARIANCE_FLOOR, type HmmOptions, type HmmFitInfo } from "./gaussian-hmm";
export { selectStates, type SelectStatesOptions, type StateSelection } from "./select-states";
export { matchRegimes, regimeConfusion, type RegimeMatch } from "./regime-confusion";
export { baumWelch, type BaumWelchOptions, type BaumWelchResult } from "./baum-welch";
export { initialHmmParameters, INITIAL_PERSISTENCE } from "./initial-hmm-parameters";
export { hmmParameterCount, checkHmmParameters, permuteStates, type HmmParameters } from "./hmm-parameters";
export { emissionLogDensities } from "./emission-log-densities";
export { forwardPass, backwardPass, type ForwardPass, type BackwardPass } from "./forward-backward";
export { viterbiPath, type ViterbiPath } from "./viterbi-path";
export { stateMoments, type StateMoments } from "./state-moments";
