import { isRunActive, useAppStore } from '../../store/app-store';

/** Marks, during a run, a setting the running worker cannot take (seed, corpus, model size). */
export function NewRunTag() {
  const active = useAppStore((s) => isRunActive(s.run));
  if (!active) return null;
  return (
    <span
      className="cl-tag"
      title="The run under way keeps its value; this applies when you start a new run."
    >
      needs a new run
    </span>
  );
}
