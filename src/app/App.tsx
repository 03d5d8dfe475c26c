import { ChartsPanel } from './charts/ChartsPanel';
import { ControlsPanel } from './controls/ControlsPanel';
import { MessageBar } from './MessageBar';
import { HelpOverlay } from './run-bar/HelpOverlay';
import { RunBar } from './run-bar/RunBar';
import { useKeyboardShortcuts } from './run-bar/useKeyboardShortcuts';
import { SamplesPanel } from './samples/SamplesPanel';

/**
 * The page: what it shows in one line, the run bar, settings on the left, and the run itself
 * (messages, charts, samples) in the main column. Below tablet-landscape width the settings
 * stack above the run rather than squeezing the charts.
 */
export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Collapse Lab</h1>
        <p className="app-tagline">
          Each generation trains a fresh model on a corpus its predecessors&rsquo; text has entered: watch its perplexity on
          real text climb and its writing lose variety. The formal model is our reconstruction of Wang et al. 2024.
        </p>
      </header>
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
  );
}
