/**
 * How a locked control looks: disabled, a lock beside its name, and a line saying the teacher
 * fixed it (the control's description, so a screen reader says it too).
 */
import type { ControlId } from './classroom-controls';
import { useClassroom } from './classroom-store';

export const LOCK_REASON = 'Locked: your teacher fixed this setting for the lesson.';

/** The lock mark next to a control's name; the reason itself is in the control's description. */
export function LockMark() {
  return (
    <span className="cl-lock" title={LOCK_REASON}>
      <span aria-hidden="true">🔒</span>
      <span className="visually-hidden"> (locked)</span>
    </span>
  );
}

export interface ControlView {
  hidden: boolean;
  locked: boolean;
}

/** Whether a control is rendered and whether it is locked; a hidden one is not locked, it is gone. */
export function useControlView(id: ControlId | undefined): ControlView {
  const hidden = useClassroom((s) => id !== undefined && s.hidden.includes(id));
  const locked = useClassroom((s) => id !== undefined && s.locked.includes(id));
  return { hidden, locked: locked && !hidden };
}

/** True when every one of the controls is hidden: their group is left out too. */
export function useAllHidden(ids: readonly ControlId[]): boolean {
  return useClassroom((s) => ids.every((id) => s.hidden.includes(id)));
}
