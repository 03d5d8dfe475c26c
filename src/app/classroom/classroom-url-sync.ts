/**
 * Keeps the address's classroom part equal to the classroom store, as share/url-sync.ts does for
 * the settings (replaceState: the back button leaves the page rather than undoing a checkbox).
 */
import { classroomSearch, type ClassroomSettings } from './classroom-url';
import { classroomSettings, useClassroom } from './classroom-store';

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;
type History = Pick<globalThis.History, 'replaceState' | 'state'>;

export function writeClassroomToAddress(
  settings: ClassroomSettings,
  location: Place,
  history: History,
): boolean {
  const search = classroomSearch(settings, location.search);
  if (search === location.search) return false;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  return true;
}

/** Starts syncing; the returned function stops it. */
export function startClassroomUrlSync(location: Place, history: History): () => void {
  return useClassroom.subscribe((state, previous) => {
    const now = classroomSettings(state);
    const before = classroomSettings(previous);
    if (JSON.stringify(now) === JSON.stringify(before)) return;
    writeClassroomToAddress(now, location, history);
  });
}
