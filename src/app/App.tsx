import { ChartsPanel } from './charts/ChartsPanel';
import { ControlsPanel } from './controls/ControlsPanel';
import { MessageBar } from './MessageBar';
import { HelpOverlay } from './run-bar/HelpOverlay';
import { RunBar } from './run-bar/RunBar';
import { useKeyboardShortcuts } from './run-bar/useKeyboardShortcuts';
import { SamplesPanel } from './samples/SamplesPanel';
import { TheoryView } from './theory/TheoryView';
import { useAppView, ViewTabs } from './ViewTabs';

/** The simulator's keyboard shortcuts, bound only while its view is shown. */
function SimulatorShortcuts() {
  useKeyboardShortcuts();
  return null;
}

/**
 * The page: what it shows in one line, the run bar, settings on the left, and the run itself
 * (messages, charts, samples) in the main column. Below tablet-landscape width the settings
 * stack above the run rather than squeezing the charts.
 */
export function App() {
  const [view, setView] = useAppView();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Collapse Lab</h1>
        <p className="app-tagline">
          Each generation trains a fresh model on a corpus its predecessors&rsquo; text has entered: watch its perplexity on
          real text climb and its writing lose variety. The formal model is our reconstruction of Wang et al. 2024.
        </p>
      </header>
      <ViewTabs view={view} onChange={setView} />
      {view === 'simulator' ? (
        <div id="panel-simulator" role="tabpanel" aria-labelledby="tab-simulator">
          <SimulatorShortcuts />
          <div className="app-runbar">
            <RunBar />
          </div>
          <div className="app-body">
            <aside className="app-controls" aria-label="Settings">
              <ControlsPanel />
            </aside>
            <main className="app-main">
              <MessageBar />
              <ChartsPanel />
              <SamplesPanel />
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
    </div>
  );
}
