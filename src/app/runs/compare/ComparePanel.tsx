import { isRunActive, useAppStore } from '../../store/app-store';
import { COMPARE_PAIRS, type ComparePair } from './compare-pairs';
import { cancelCompare, startCompare, useCompareStore } from './compare-runner';
import { showRecordedPair, useRecordedStore } from '../recorded/recorded-store';

function RecordedPairButton({ pair, busy }: { pair: ComparePair; busy: boolean }) {
  const entries = useRecordedStore((s) => s.entries);
  const a = entries?.find((e) => e.preset === pair.recorded[0]);
  const b = entries?.find((e) => e.preset === pair.recorded[1]);
  if (!a || !b) return null;
  return (
    <button
      type="button"
      className="runs-button"
      disabled={busy}
      onClick={() => void showRecordedPair(a, b)}
      title={`${a.label} on screen, ${b.label} overlaid`}
    >
      Show recorded pair now
    </button>
  );
}

/** One click per classic comparison: both settings, same seed, one after the other, then overlaid. */
export function ComparePanel() {
  const busy = useAppStore((s) => isRunActive(s.run));
  const { pair: going, step } = useCompareStore();
  return (
    <section className="runs-compare" aria-labelledby="runs-compare-heading">
      <h3 id="runs-compare-heading">Compare</h3>
      <p className="runs-note">
        Runs two settings that differ in one thing, with the same seed and your budget, then overlays them.
      </p>
      {going !== null && (
        <p role="status" className="runs-compare-status">
          Comparing {going.title.toLowerCase()}: running {step === 1 ? going.a.label : going.b.label} ({step}{' '}
          of 2).{' '}
          <button type="button" className="runs-button" onClick={cancelCompare}>
            Cancel compare
          </button>
        </p>
      )}
      <ul className="runs-compare-list">
        {COMPARE_PAIRS.map((pair) => (
          <li key={pair.id}>
            <button
              type="button"
              className="runs-button"
              disabled={busy || going !== null}
              onClick={() => startCompare(pair)}
            >
              Compare {pair.title.toLowerCase()}
            </button>{' '}
            <RecordedPairButton pair={pair} busy={busy} />
          </li>
        ))}
      </ul>
    </section>
  );
}
