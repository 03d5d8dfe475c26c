import { useState } from 'react';
import { MODEL_SIZE_NAMES, type SimulationConfig } from '../../../engine/config/schema';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { applicability } from '../fields/applicability';
import { applySettings } from '../fields/apply-settings';
import { Choice } from '../fields/Choice';
import { FieldMessage, type FieldNote } from '../../ui/FieldMessage';
import { MODEL_SIZE_INFO } from './model-sizes';
import { NewRunTag } from '../fields/NewRunTag';
import { SettingsGroup } from '../fields/SettingsGroup';

type ModelSettings = SimulationConfig['model'];

/** The network each generation trains: its size, its training budget, and where it starts. */
export function ModelGroup() {
  const config = useAppStore((s) => s.config);
  const [note, setNote] = useState<FieldNote | null>(null);
  const setModel = (patch: Partial<ModelSettings>): void => {
    const current = useAppStore.getState().config;
    const error = applySettings({ ...current, model: { ...current.model, ...patch } });
    setNote(error ? { text: error, tone: 'error' } : null);
  };
  const size = applicability('modelSize', config);
  const steps = applicability('trainingSteps', config);
  const startsFrom = applicability('continueTraining', config);
  const sizeView = useControlView('modelSize');
  const startView = useControlView('continueTraining');
  const stepsView = useControlView('steps');
  const setBudgetRule = (budgetRule: SimulationConfig['training']['budgetRule']): void => {
    const current = useAppStore.getState().config;
    const error = applySettings({ ...current, training: { ...current.training, budgetRule } });
    setNote(error ? { text: error, tone: 'error' } : null);
  };

  const sizePicker = !sizeView.hidden && (
    <fieldset className="cl-subgroup" disabled={!size.applies || sizeView.locked}>
      <legend>
        Model size {sizeView.locked && <LockMark />} <NewRunTag />
      </legend>
      <p className="cl-hint">
        {sizeView.locked
          ? LOCK_REASON
          : size.applies
            ? 'A small character-level transformer; bigger learns better and trains slower.'
            : size.reason}
      </p>
      <div className="cl-choices cl-choices-compact">
        {MODEL_SIZE_NAMES.map((name) => {
          const info = MODEL_SIZE_INFO[name];
          return (
            <Choice
              key={name}
              name="cl-model-size"
              value={name}
              checked={config.model.size === name}
              onChange={() => setModel({ size: name })}
              label={info.label}
              description={info.note}
              source={info.params}
              title={`${info.params}: ${info.note}`}
            />
          );
        })}
      </div>
    </fieldset>
  );
  const budgetRule = !stepsView.hidden && (
    <fieldset className="cl-subgroup" disabled={!steps.applies || stepsView.locked}>
      <legend>When the training set grows{stepsView.locked && <LockMark />}</legend>
      <div className="cl-choices cl-choices-compact">
        <Choice
          name="cl-budget-rule"
          value="fixed-steps"
          checked={config.training.budgetRule === 'fixed-steps'}
          onChange={() => setBudgetRule('fixed-steps')}
          label="Same steps"
          description="every generation trains as long; a bigger corpus is seen fewer times"
          title="Every generation trains for the same number of steps, whatever the size of its training set."
        />
        <Choice
          name="cl-budget-rule"
          value="fixed-epochs"
          checked={config.training.budgetRule === 'fixed-epochs'}
          onChange={() => setBudgetRule('fixed-epochs')}
          label="Same passes"
          description="steps grow with the training set"
          title="The steps are the budget for the real corpus D0; a larger training set gets proportionally more steps, so every generation makes as many passes over its data."
        />
      </div>
    </fieldset>
  );
  const startPicker = !startView.hidden && (
    <fieldset className="cl-subgroup" disabled={!startsFrom.applies || startView.locked}>
      <legend>Each generation&rsquo;s model starts{startView.locked && <LockMark />}</legend>
      {startView.locked && <p className="cl-hint">{LOCK_REASON}</p>}
      <div className="cl-choices cl-choices-compact">
        <Choice
          name="cl-continue"
          value="scratch"
          checked={!config.model.continueTraining}
          onChange={() => setModel({ continueTraining: false })}
          label="From scratch"
          description="fresh random weights each generation (the paper)"
          title="Every generation starts from a fresh random initialisation, as in the paper."
        />
        <Choice
          name="cl-continue"
          value="continue"
          checked={config.model.continueTraining}
          onChange={() => setModel({ continueTraining: true })}
          label="Continue"
          description="from the previous model’s weights"
          title="Each model starts from the previous generation's weights and keeps training."
        />
      </div>
      {!startsFrom.applies && <p className="cl-hint">{startsFrom.reason}</p>}
    </fieldset>
  );

  return (
    <SettingsGroup
      group="model"
      custom={{
        'model.size': sizePicker,
        'training.budgetRule': budgetRule,
        'model.continueTraining': startPicker,
      }}
    >
      <FieldMessage id="cl-model-msg" note={note} />
    </SettingsGroup>
  );
}
