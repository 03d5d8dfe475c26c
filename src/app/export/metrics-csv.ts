/** metrics.csv exactly as the CLI writes it (src/cli/simulate.ts): one row per generation. */
import Papa from 'papaparse';
import { runToRows } from '../../engine/loop/metrics-table';
import type { RunRecord } from '../../engine/loop/report';

export const metricsCsvText = (record: RunRecord): string => `${Papa.unparse(runToRows(record))}\n`;
