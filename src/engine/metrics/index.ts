/** Metrics of a generation: pure functions over documents and numbers (docs/SCIENCE.md definitions). */
export * from './ngrams';
export * from './divergence';
export * from './entropy';
export * from './perplexity';
export * from './tails';
export * from './extinction';
export * from './repetition';
export * from './provenance';
export * from './precision-recall';
export * from './evaluation-sample';
export * from './real-words';
export * from './generation-metrics';
