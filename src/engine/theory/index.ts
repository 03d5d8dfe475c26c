/** Theory mode's many-run path: bands over R seeds of the count model, with the closed forms beside them. */
export * from './run-theory';
export { recordedGenerations } from './recorded-generations';
export { chainSettingFor, realUnigramCounts } from './chain-setting';
export { runUnigramChains } from './unigram-runs';
export { textBands } from './text-runs';
export * from './contamination-sweep';
