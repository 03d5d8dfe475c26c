/** Words for the runs list: pure, tested with the reducer. */
import { finalPerplexity, type KeptRun } from './kept-run';

export const ORIGIN_WORDS: Record<KeptRun['origin'], string> = { live: 'run here', imported: 'imported', recorded: 'recorded' };

/** "8 generations, final perplexity 12.3" / "no finished generation yet". */
export function runFacts(run: KeptRun): string {
  const n = run.generations.length;
  if (n === 0) return 'no finished generation yet';
  const p = finalPerplexity(run);
  return `${n} generation${n === 1 ? '' : 's'}${p === null ? '' : `, final perplexity ${p.toFixed(p < 100 ? 2 : 1)}`}`;
}
