import { useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { applySettings } from '../fields/apply-settings';
import { NumberField } from '../fields/NumberField';
import { fieldBounds } from '../fields/settings-fields';
import { SettingsGroup } from '../fields/SettingsGroup';

const seedBounds = fieldBounds('seed');

/** How long the run is, which random numbers it uses, and how much text each generation is measured on. */
export function RunLengthGroup() {
  const seed = useControlView('seed');
  const newSeed = (): void => {
    // A fresh seed is the user's explicit choice, so randomness here does not break replayability:
    // the seed lands in the config (and the URL) like any other setting.
    const seed = Math.floor(Math.random() * Math.min(1_000_000, seedBounds.max));
    applySettings({ ...useAppStore.getState().config, seed });
  };
  const seedWithButton = !seed.hidden && (
    <div className="cl-inline">
      <NumberField field="seed" />
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
  );
  const workers = (
    <NumberField
      field="compute.workers"
      hint={`Threads that train the transformer on WebAssembly or cpu, each on its share of every batch; 0 = one per core of this computer (${navigator.hardwareConcurrency || 1} here). On WebGPU and WebGL one worker trains. Results agree to rounding whatever the count.`}
    />
  );
  return <SettingsGroup group="run" custom={{ seed: seedWithButton, 'compute.workers': workers }} />;
}
