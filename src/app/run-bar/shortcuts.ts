/**
 * Keyboard shortcuts: which key does what, and when a key belongs to the page rather than to a
 * control the user is typing in. Pure, so the rules are tested without a DOM.
 */
import type { RunStatus } from '../store/live-run';

export type ShortcutAction = 'play-pause' | 'step' | 'reset' | 'help' | 'presenter' | 'leave-presenter';

/** For the help overlay; the keys as a person reads them. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Play or pause' },
  { keys: 'N', what: 'Step: run one generation, then pause' },
  { keys: 'R', what: 'Reset: clear the run from the screen' },
  { keys: 'P', what: 'Presenter mode on or off' },
  { keys: '?', what: 'Show or hide this help' },
  { keys: 'Esc', what: 'Close this help; leave presenter mode' },
];

export interface KeyTarget {
  tagName: string;
  isContentEditable: boolean;
  /** The element's ARIA role attribute, if any. */
  role: string | null;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: KeyTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Space already presses these; a shortcut on top would act twice. */
const SPACE_ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);
const SPACE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'menuitem', 'tab', 'option']);

/** The action a key press asks for, or null when it is not a shortcut here. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  const t = press.target;
  if (t && (TYPING_TAGS.has(t.tagName.toUpperCase()) || t.isContentEditable)) return null;
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      if (t && (SPACE_ACTIVATES.has(t.tagName.toUpperCase()) || (t.role !== null && SPACE_ROLES.has(t.role))))
        return null;
      return 'play-pause';
    case 'n':
    case 'N':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    case 'p':
    case 'P':
      return 'presenter';
    case 'Escape':
      return 'leave-presenter';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export type PlayPause = 'start' | 'pause' | 'resume';

/** Play/pause as one toggle: pause what runs, resume what is paused, otherwise start a run. */
export function playPauseFor(status: RunStatus): PlayPause {
  if (status === 'running' || status === 'starting') return 'pause';
  if (status === 'paused') return 'resume';
  return 'start';
}
