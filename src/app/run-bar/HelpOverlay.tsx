import './run-bar.css';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../store/app-store';
import { SHORTCUTS } from './shortcuts';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** The keyboard help: a modal dialog over the page, opened by the run bar's "?" button or the ? key. */
export function HelpOverlay() {
  const open = useAppStore((s) => s.ui.helpOpen);
  if (!open) return null;
  return <HelpDialog onClose={() => useAppStore.getState().setUi({ helpOpen: false })} />;
}

function HelpDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog on open and back to where it was (the "?" button) on close.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('.rb-dialog-close')?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep Tab inside the modal: wrap from the last control to the first and back.
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="rb-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="rb-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rb-help-title"
        aria-describedby="rb-help-intro"
        onKeyDown={onKeyDown}
      >
        <h2 id="rb-help-title">Keyboard shortcuts</h2>
        <p id="rb-help-intro">They work anywhere on the page except while you type in a field.</p>
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
          Settings changed during a run apply from the next generation; the seed, the real text and the model size need a new
          run.
        </p>
        <button type="button" className="rb-button rb-primary rb-dialog-close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
