import type { SimulationEvent } from '../engine/loop/types';

const PHASE_LABEL: Record<string, string> = {
  'sampling-corpus': 'sampling corpus',
  training: 'training',
  evaluating: 'evaluating',
  generating: 'generating',
  'writing-back': 'writing back',
};

const formatSeconds = (s: number) =>
  s >= 3600
    ? `${(s / 3600).toFixed(1)}h`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${Math.round(s)}s`;

/**
 * A one-line progress bar on stderr: generation, phase, step and an ETA from the mean duration
 * of finished generations. Redrawn in place on a terminal; on a pipe, one line per generation.
 */
export class ProgressBar {
  private readonly started = performance.now();
  private generationsDone = 0;
  private line = '';

  /** `resumedAt`: generations a resumed run had finished before, which this process does not time. */
  constructor(
    private readonly generations: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly resumedAt = 0,
  ) {}

  observe(event: SimulationEvent): void {
    switch (event.type) {
      case 'phase':
        this.draw(
          event.generation,
          PHASE_LABEL[event.phase],
          event.total ? `${event.done ?? 0}/${event.total} chars` : '',
        );
        break;
      case 'trainStep':
        this.draw(
          event.generation,
          'training',
          `step ${event.step}/${event.totalSteps} loss ${Number.isFinite(event.loss) ? event.loss.toFixed(3) : '-'}`,
        );
        break;
      case 'generationDone': {
        this.generationsDone++;
        const r = event.report;
        this.finishLine(
          `generation ${r.generation}: perplexity ${r.perplexity.toFixed(2)}, JS(1-gram) ${r.js['1'].toFixed(4)} bits, human share ${(r.realShare * 100).toFixed(1)}%`,
        );
        break;
      }
      case 'notice':
        this.finishLine(`note: ${event.message}`);
        break;
      default:
        break;
    }
  }

  private eta(): string {
    if (this.generationsDone === 0) return '';
    const perGeneration = (performance.now() - this.started) / 1000 / this.generationsDone;
    return ` ETA ${formatSeconds(perGeneration * (this.generations - this.resumedAt - this.generationsDone))}`;
  }

  private draw(generation: number, phase: string, detail: string): void {
    const width = 20;
    const filled = Math.round((width * this.generationsDone) / this.generations);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    this.line = `[${bar}] gen ${generation + 1}/${this.generations} ${phase} ${detail}${this.eta()}`;
    if (this.stream.isTTY) this.stream.write(`\r${this.line.padEnd(100).slice(0, 100)}`);
  }

  private finishLine(text: string): void {
    if (this.stream.isTTY) this.stream.write(`\r${' '.repeat(100)}\r`);
    this.stream.write(`${text}\n`);
  }
}
