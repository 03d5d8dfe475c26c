import { ChartsPanel } from './charts/ChartsPanel';
import { ClassroomPanel } from './classroom/ClassroomPanel';
import { useClassroom } from './classroom/classroom-store';
import { SettingsDrawer } from './controls/SettingsDrawer';
import { AboutPanel } from './explain/AboutPanel';
import { useExplain } from './explain/explain-store';
import { HeaderActions } from './explain/HeaderActions';
import { SelfViewPanel } from './lessons/self-view/SelfViewPanel';
import { TourOffer, Walkthrough } from './explain/Walkthrough';
import { MessageBar } from './MessageBar';
import { ClassFilterPanel } from './lessons/class-filter/ClassFilterPanel';
import { GenerationZeroQuiz } from './lessons/predict/GenerationZeroQuiz';
import { PredictionLesson } from './lessons/predict/PredictionPanel';
import { HelpOverlay } from './run-bar/HelpOverlay';
import { RunBar } from './run-bar/RunBar';
import { generationAnnouncement } from './run-bar/run-status';
import { RunsPanel } from './runs/RunsPanel';
import { useKeyboardShortcuts } from './run-bar/use-keyboard-shortcuts';
import { SamplesPanel } from './samples/SamplesPanel';
import { WordsPanel } from './lessons/words/WordsPanel';
import { useAppStore } from './store/app-store';
import { TheoryView } from './theory/TheoryView';
import { useAppView, ViewTabs } from './ViewTabs';

/** The simulator's keyboard shortcuts, bound only while its view is shown. */
function SimulatorShortcuts() {
  useKeyboardShortcuts();
  return null;
}

/**
 * A polite live region that speaks once per finished generation (never per training step):
 * "Generation 3 done: perplexity 12.8, 1.9x generation 0."
 */
function GenerationAnnouncer() {
  const reports = useAppStore((s) => s.run.generations);
  const nStar = useAppStore((s) => s.run.nStar);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="generation-announcement">
      {generationAnnouncement(reports, nStar)}
    </p>
  );
}

function About() {
  const open = useExplain((s) => s.aboutOpen);
  const setOpen = useExplain((s) => s.setAboutOpen);
  return open ? <AboutPanel onClose={() => setOpen(false)} /> : null;
}

/**
 * The page: what it shows in one line, the run bar, settings on the left, and the run itself
 * (messages, charts, samples) in the main column. Below tablet-landscape width the settings fold
 * into a drawer rather than pushing the charts down. Presenter mode (a classroom link or P) keeps
 * the run bar, two charts and the samples, in large type.
 */
export function App() {
  const [view, setView] = useAppView();
  const presenter = useClassroom((s) => s.presenter);
  const shown = presenter ? 'simulator' : view;
  return (
    <div className={presenter ? 'app app-presenter' : 'app'}>
      <header className="app-header">
        <h1>Collapse Lab</h1>
        {!presenter && (
          <p className="app-tagline">
            Each generation trains a fresh model on a corpus its predecessors&rsquo; text has entered: watch
            its perplexity on real text climb and its writing lose variety. The formal model is our
            reconstruction of Wang et al. 2024.
          </p>
        )}
        <HeaderActions simulator={shown === 'simulator'} />
      </header>
      {!presenter && <TourOffer />}
      {!presenter && <ViewTabs view={view} onChange={setView} />}
      {shown === 'simulator' ? (
        <div
          id="panel-simulator"
          {...(presenter
            ? { 'aria-label': 'Simulator, presenter mode' }
            : { role: 'tabpanel', 'aria-labelledby': 'tab-simulator' })}
        >
          <SimulatorShortcuts />
          <div className="app-runbar">
            <RunBar />
          </div>
          <div className="app-body">
            {!presenter && <SettingsDrawer />}
            <main className="app-main">
              <MessageBar />
              <GenerationAnnouncer />
              <PredictionLesson />
              <ClassFilterPanel />
              <ChartsPanel />
              <SamplesPanel />
              <WordsPanel />
              <SelfViewPanel />
              <GenerationZeroQuiz />
              {!presenter && <RunsPanel />}
            </main>
          </div>
          <HelpOverlay />
        </div>
      ) : (
        // The simulator's run goes on in its worker while this view is shown.
        <main id="panel-theory" role="tabpanel" aria-labelledby="tab-theory" className="app-theory">
          <TheoryView />
        </main>
      )}
      <About />
      <ClassroomPanel />
      <Walkthrough />
    </div>
  );
}
