/** The count model (theory mode): n-gram MLE, exact divergences, the unigram recursion, closed forms. */
export * from './binomial';
export * from './hypergeometric';
export * from './log-gamma';
export * from './ngram-model';
export * from './exact-divergence';
export * from './unigram-chain';
export * from './unigram-metrics';
export * from './unigram-run';
export * from './many-runs';
export * from './closed-forms';
export * from './drift-forms';
