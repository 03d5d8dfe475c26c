/** metrics.csv exactly as the CLI writes it (src/cli/simulate.ts): one row per generation. */
import Papa from 'papaparse';
import { runToRows, type RunRecord } from '../../engine/record';

export const metricsCsvText = (record: RunRecord): string => `${Papa.unparse(runToRows(record))}\n`;
