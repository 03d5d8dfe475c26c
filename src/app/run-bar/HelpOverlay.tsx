import './run-bar.css';
import { Dialog } from '../ui/Dialog';
import { useAppStore } from '../store/app-store';
import { SHORTCUTS } from './shortcuts';

/** The keyboard help: a modal dialog over the page, opened by the run bar's "?" button or the ? key. */
export function HelpOverlay() {
  const open = useAppStore((s) => s.ui.helpOpen);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => useAppStore.getState().setUi({ helpOpen: false })}>
      <p>They work anywhere on the page except while you type in a field.</p>
      <dl className="rb-shortcuts">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="rb-shortcut">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="rb-help-note">
        Settings changed during a run apply from the next generation; the seed, the real text and the model
        size need a new run.
      </p>
    </Dialog>
  );
}
