/** What the three theory charts share: the generation axis (log or linear) and number formats. */
import type { TheoryRecord } from '../../../engine/record';
import { generationDomain, logTicks } from './chart-rows';

export const CHART_HEIGHT = 260;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 24, left: 8 };

/** Props for recharts' XAxis over generations (spread them: recharts reads its children's props directly). */
export function generationAxisProps(record: TheoryRecord, logX: boolean) {
  return {
    dataKey: 'generation',
    type: 'number' as const,
    scale: logX ? ('log' as const) : ('linear' as const),
    domain: generationDomain(record, logX),
    allowDataOverflow: true,
    ticks: logX ? logTicks(record.generations) : undefined,
    tickFormatter: (g: number) => g.toLocaleString('en'),
    tick: { fill: 'currentColor' },
    stroke: 'currentColor',
    label: {
      value: logX ? 'generation (log scale)' : 'generation',
      position: 'insideBottom' as const,
      offset: -14,
      fill: 'currentColor',
    },
  };
}

export function yAxisLabel(text: string) {
  return {
    value: text,
    angle: -90,
    position: 'insideLeft' as const,
    style: { textAnchor: 'middle' as const },
    fill: 'currentColor',
  };
}

export const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** Props of a y axis over shares from 0 to 1, shown as percentages. */
export function shareAxisProps(title: string) {
  return {
    domain: [0, 1] as [number, number],
    tickFormatter: percentTick,
    tick: { fill: 'currentColor' },
    stroke: 'currentColor',
    label: yAxisLabel(title),
  };
}

/** Tooltip values: three significant digits; a range shows as "lo – hi". */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number(value.toPrecision(3)).toLocaleString('en');
  if (Array.isArray(value) && value.length === 2)
    return `${formatValue(value[0])} – ${formatValue(value[1])}`;
  return String(value);
}

export const tooltipLabel = (label: unknown) => `generation ${formatValue(label)}`;
