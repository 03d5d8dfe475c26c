/**
 * A polite live region that speaks once per finished generation (never per training step):
 * "Generation 3 done: perplexity 12.8, 1.9x generation 0."
 */
import { useAppStore } from './store/app-store';
import { generationAnnouncement } from './run-bar/run-status';

export function GenerationAnnouncer() {
  const reports = useAppStore((s) => s.run.generations);
  const nStar = useAppStore((s) => s.run.nStar);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="generation-announcement">
      {generationAnnouncement(reports, nStar)}
    </p>
  );
}
