import { useEffect } from 'react';
import { useClassroom } from '../classroom/classroom-store';
import { useAppStore } from '../store/app-store';
import { runShortcut } from './run-actions';
import { shortcutFor, type KeyTarget } from './shortcuts';

function describeTarget(target: EventTarget | null): KeyTarget | null {
  if (!(target instanceof HTMLElement)) return null;
  return {
    tagName: target.tagName,
    isContentEditable: target.isContentEditable,
    role: target.getAttribute('role'),
  };
}

/**
 * Space = play/pause, n = step one generation, r = reset, p = presenter mode (Escape leaves it), ? = help. Keys typed into a text field,
 * a select or an editable area stay there; while the help dialog is open only ? works (Escape is
 * the dialog's own). Call once, from the page's root component.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        repeat: e.repeat,
        target: describeTarget(e.target),
      });
      if (action === null) return;
      if (useAppStore.getState().ui.helpOpen && action !== 'help') return;
      // Behind another modal dialog (about, classroom link) the page's keys sleep.
      if (!useAppStore.getState().ui.helpOpen && document.querySelector('[role="dialog"][aria-modal="true"]'))
        return;
      // Escape is only ours in presenter mode; elsewhere it stays with whatever has focus.
      if (action === 'leave-presenter' && !useClassroom.getState().presenter) return;
      e.preventDefault(); // space would otherwise scroll the page
      runShortcut(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
