/** The header's buttons: the walkthrough, the about panel, the classroom link and presenter mode. */
import { useClassroom } from '../classroom/classroom-store';
import { togglePresenter } from '../run-bar/run-actions';
import { useExplain } from './explain-store';

export function HeaderActions({ simulator }: { simulator: boolean }) {
  const presenter = useClassroom((s) => s.presenter);
  const setPrepareOpen = useClassroom((s) => s.setPrepareOpen);
  const startTour = useExplain((s) => s.startTour);
  const setAboutOpen = useExplain((s) => s.setAboutOpen);
  return (
    <nav className="app-actions" aria-label="Help and classroom">
      {!presenter && simulator && (
        <button type="button" className="app-action" onClick={startTour}>
          Walkthrough
        </button>
      )}
      <button type="button" className="app-action" aria-haspopup="dialog" onClick={() => setAboutOpen(true)}>
        About
      </button>
      {!presenter && (
        <button
          type="button"
          className="app-action"
          aria-haspopup="dialog"
          onClick={() => setPrepareOpen(true)}
        >
          Classroom link
        </button>
      )}
      {simulator && (
        <button
          type="button"
          className="app-action"
          aria-pressed={presenter}
          aria-keyshortcuts="P"
          onClick={togglePresenter}
          title="Presenter mode (P; Esc leaves it)"
        >
          Presenter mode
        </button>
      )}
    </nav>
  );
}
