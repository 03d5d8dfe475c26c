import { isRunActive, useAppStore } from '../store/app-store';

/**
 * While a run is going, says once, at the top of the panel, what editing does now. The live
 * region is always in the page so screen readers announce the note when it appears.
 */
export function RunningNote() {
  const active = useAppStore((s) => isRunActive(s.run));
  return (
    <div aria-live="polite" className="cl-running-slot">
      {active && (
        <p className="cl-running-note">
          A run is going: changes here apply from the next generation. The seed, the real text and the model
          size need a new run (Reset, then Play).
        </p>
      )}
    </div>
  );
}
