import './controls.css';
import { CorpusGroup } from './groups/CorpusGroup';
import { DataMixGroup } from './groups/DataMixGroup';
import { DecodingGroup } from './groups/DecodingGroup';
import { ModelGroup } from './groups/ModelGroup';
import { ParadigmPicker } from './groups/ParadigmPicker';
import { PresetPicker } from './groups/PresetPicker';
import { RunLengthGroup } from './groups/RunLengthGroup';
import { RunningNote } from './RunningNote';
import { SettingsIssues } from './SettingsIssues';
import { ShownRunSettings } from './ShownRunSettings';

/**
 * The settings panel (left column): every control edits the store's SimulationConfig through
 * changeSettings, after the zod schema has accepted it.
 */
export function ControlsPanel() {
  return (
    <section className="cl-panel" aria-labelledby="cl-panel-title">
      <h2 id="cl-panel-title" className="cl-title">
        Settings
      </h2>
      <RunningNote />
      <ShownRunSettings />
      <SettingsIssues />
      <PresetPicker />
      <CorpusGroup />
      <ParadigmPicker />
      <DataMixGroup />
      <DecodingGroup />
      <ModelGroup />
      <RunLengthGroup />
    </section>
  );
}
