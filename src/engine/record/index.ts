/**
 * The run record, run.json: what a run leaves behind. The CLI writes it, the page exports,
 * imports and replays it, theory mode adds its bands to it; all of them read and write it
 * through this module. Field names are a contract with every file already written.
 */
export type { GenerationReport, GenerationZeroView, PromptSample, RunRecord } from './run-record';
export type {
  Band,
  ChainTokens,
  FormulaCurve,
  TextTheory,
  TheoryFormulas,
  TheoryRecord,
  UnigramTheory,
} from './theory-record';
export {
  generationReportSchema,
  runRecordSchema,
  RUN_RECORD_VERSION,
  type ImportedRunRecord,
} from './schema';
export { MAX_RUN_FILE_BYTES, parseRunFile, runJsonText, sizeProblem, type RunFileResult } from './run-json';
export { reportToRow, runToRows, type MetricsRow } from './metrics-table';
