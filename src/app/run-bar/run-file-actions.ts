/**
 * What the run-files buttons do, apart from React: export the run on screen, import a file as
 * the run on screen. Messages go to the page's message bar (say).
 */
import { keepImportedRun } from '../runs/kept/keep-imported';
import { isRunActive, useAppStore } from '../store/app-store';
import { downloadText } from '../ui/download';
import { liveRunFromRecord } from '../export/live-run-from-record';
import { parseRunFile, runJsonText, sizeProblem } from '../../engine/record';
import { metricsCsvText, recordFromLiveRun } from '../export/record-from-run';

/** "collapse-lab-paper-replace-seed1": a file name that says which run it is. */
function runFileStem(presetId: string | null, seed: number): string {
  return `collapse-lab-${presetId ?? 'custom'}-seed${seed}`;
}

function currentRecord() {
  const { run, config, presetId } = useAppStore.getState();
  const record = recordFromLiveRun(run, config);
  return { record, stem: runFileStem(presetId, record.config.seed) };
}

export function exportRunJson(): void {
  const { record, stem } = currentRecord();
  downloadText(`${stem}.run.json`, runJsonText(record), 'application/json');
}

export function exportMetricsCsv(): void {
  const { record, stem } = currentRecord();
  downloadText(`${stem}.metrics.csv`, metricsCsvText(record), 'text/csv');
}

/** Reads `file` and, if it is a valid run.json, shows it as the run on screen. */
export async function importRunFile(file: File): Promise<boolean> {
  const { say } = useAppStore.getState();
  if (isRunActive(useAppStore.getState().run)) {
    say(
      `${file.name} was not imported: a run is going; stop it first (its finished generations stay on screen until the import replaces them).`,
    );
    return false;
  }
  const tooBig = sizeProblem(file.name, file.size);
  if (tooBig && !tooBig.ok) {
    say(tooBig.message);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    say(
      `${file.name} was not imported: it could not be read (${e instanceof Error ? e.message : String(e)}).`,
    );
    return false;
  }
  const result = parseRunFile(file.name, text);
  if (!result.ok) {
    say(result.message);
    return false;
  }
  // The store has no import action (app-store.ts is shared); replacing `run` directly is what
  // its own resetRun does, and the charts and samples read nothing else.
  useAppStore.setState((s) => ({
    run: liveRunFromRecord(result.record, file.name),
    ui: { ...s.ui, selectedGeneration: null },
  }));
  keepImportedRun(result.record, file.name);
  const n = result.record.generations.length;
  say(
    `Showing the run imported from ${file.name}: ${n} generation${n === 1 ? '' : 's'}, ${result.record.status}. Play starts a new run from the settings panel.`,
  );
  return true;
}
