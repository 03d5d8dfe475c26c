import type { GenerationReport } from '../../../engine/record';
import { isRunActive, useAppStore } from '../../store/app-store';
import { choiceSummary, reviewAnnouncement } from './class-choice-words';
import { ClassReviewCards } from './ClassReviewCards';
import { runWithoutTheClass, useTwinRun } from './twin-run';
import './class-filter.css';

/** The latest finished generation the class chose for, or null. */
const lastChoice = (generations: readonly GenerationReport[]): GenerationReport | null =>
  generations.findLast((g) => g.classFilter !== undefined) ?? null;

/** What the class chose last, and, once its run is done, the same seed without it. */
function ClassChoiceNote({ report }: { report: GenerationReport | null }) {
  const finishedClassRun = useAppStore(
    (s) => s.run.status === 'complete' && (s.run.config?.filter.byClass ?? false),
  );
  const twinGoing = useTwinRun((s) => s.going);
  const busy = useAppStore((s) => isRunActive(s.run));
  if (!report?.classFilter && !finishedClassRun) return null;
  return (
    <section className="class-choice" aria-label="The class's choice" data-testid="class-choice">
      {report?.classFilter && (
        <p className="class-choice-summary">
          <strong>Generation {report.generation}:</strong> {choiceSummary(report.classFilter)}
        </p>
      )}
      {finishedClassRun && (
        <p className="class-choice-twin">
          <button
            type="button"
            className="class-continue"
            disabled={busy || twinGoing}
            onClick={runWithoutTheClass}
          >
            Run the same seed without the class&rsquo;s choices
          </button>{' '}
          <span className="class-review-rule">
            Same settings and seed, no one choosing; then this run is drawn over it, dashed.
          </span>
        </p>
      )}
    </section>
  );
}

/**
 * The class as the filter on the page: what the class chose last and, while a generation waits
 * for the class, its documents to keep or discard. Nothing when the class does not choose.
 */
export function ClassFilterPanel() {
  const request = useAppStore((s) => s.run.classReview);
  const report = useAppStore((s) => lastChoice(s.run.generations));
  return (
    <div className="class-filter">
      <p className="visually-hidden" role="status" aria-live="polite">
        {request ? reviewAnnouncement(request.generation, request.offered.length) : ''}
      </p>
      <ClassChoiceNote report={report} />
      {request && <ClassReviewCards key={request.id} request={request} />}
    </div>
  );
}
