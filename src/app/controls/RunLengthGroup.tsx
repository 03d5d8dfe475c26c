import { useAllHidden, useControlView } from '../classroom/ControlLock';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { fieldBounds } from './settings-fields';
import { NumberField } from './NumberField';

const seedBounds = fieldBounds('seed');

/** How long the run is, which random numbers it uses, and how much text each generation is measured on. */
export function RunLengthGroup() {
  const seed = useControlView('seed');
  const allHidden = useAllHidden(['generations', 'seed']);
  const newSeed = (): void => {
    // A fresh seed is the user's explicit choice, so randomness here does not break replayability:
    // the seed lands in the config (and the URL) like any other setting.
    const seed = Math.floor(Math.random() * Math.min(1_000_000, seedBounds.max));
    applySettings({ ...useAppStore.getState().config, seed });
  };
  if (allHidden) return null;
  return (
    <fieldset className="cl-group">
      <legend>Run</legend>
      <NumberField
        field="generations"
        control="generations"
        label="Generations"
        hint="How many models train, each on text its predecessors helped write."
        step={1}
      />
      {!seed.hidden && (
        <div className="cl-inline">
          <NumberField
            field="seed"
            control="seed"
            label="Seed"
            hint="Same seed, same settings: the same run, every time."
            step={1}
            needsNewRun
          />
          <button
            type="button"
            className="cl-button"
            onClick={newSeed}
            disabled={seed.locked}
            title="Pick a new random seed"
          >
            New seed
          </button>
        </div>
      )}
      <NumberField
        field="evaluation.sampleChars"
        label="Characters measured per generation"
        hint="Divergences, lost support and real words are measured on this many generated characters, against as many held-out real ones: the same size every generation, so the charts compare like with like."
        step={500}
        needsNewRun
      />
      <NumberField
        field="compute.workers"
        label="Training workers"
        hint={`Threads that train the transformer on WebAssembly or cpu, each on its share of every batch; 0 = one per core of this computer (${navigator.hardwareConcurrency || 1} here). On WebGPU and WebGL one worker trains. Results agree to rounding whatever the count.`}
        step={1}
        needsNewRun
      />
    </fieldset>
  );
}
