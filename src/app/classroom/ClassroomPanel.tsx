/**
 * "Prepare a classroom link" (as TensorFlow Playground does): per setting, hide it or lock it at
 * its current value; pick the chart shown large; open in presenter mode; ask for predictions. Changes apply to this
 * page at once (so the teacher sees what the class will see) and the link below carries them.
 */
import { useState } from 'react';
import { copyText } from '../ui/clipboard';
import { Dialog } from '../ui/Dialog';
import { useAppStore } from '../store/app-store';
import { CHARTS, CONTROL_GROUPS, isChartId } from './classroom-controls';
import { classroomUrl } from './classroom-link';
import { classroomSettings, useClassroom } from './classroom-store';
import './classroom.css';

export function ClassroomPanel() {
  const open = useClassroom((s) => s.prepareOpen);
  const setOpen = useClassroom((s) => s.setPrepareOpen);
  if (!open) return null;
  return (
    <Dialog title="Prepare a classroom link" onClose={() => setOpen(false)} wide>
      <ClassroomForm />
    </Dialog>
  );
}

function ClassroomForm() {
  const state = useClassroom();
  const config = useAppStore((s) => s.config);
  const [copied, setCopied] = useState<boolean | null>(null);
  const link = classroomUrl(config, classroomSettings(state), window.location);

  const copy = async (): Promise<void> => setCopied(await copyText(link));

  return (
    <div className="cr-form">
      <p id="cr-intro">
        Set the values first, then choose what the class may change. A locked setting keeps the value it has
        now and shows a lock; a hidden one is not shown at all and also keeps its value. Presets leave both
        alone.
      </p>
      <table className="cr-table" aria-describedby="cr-intro">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Hide</th>
            <th scope="col">Lock</th>
          </tr>
        </thead>
        {CONTROL_GROUPS.map((group) => (
          <tbody key={group.id}>
            {group.controls.length > 1 && (
              <tr className="cr-group-row">
                <th scope="rowgroup" colSpan={3}>
                  {group.label}
                </th>
              </tr>
            )}
            {group.controls.map((c) => {
              const hidden = state.hidden.includes(c.id);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Hide ${c.label}`}
                      checked={hidden}
                      onChange={(e) => state.setHidden(c.id, e.target.checked)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Lock ${c.label}`}
                      checked={state.locked.includes(c.id)}
                      disabled={hidden}
                      title={hidden ? 'Hidden settings are fixed already' : undefined}
                      onChange={(e) => state.setLocked(c.id, e.target.checked)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <div className="cr-row">
        <label htmlFor="cr-large">Large chart</label>
        <select
          id="cr-large"
          value={state.large ?? ''}
          onChange={(e) => state.setLarge(isChartId(e.target.value) ? e.target.value : null)}
        >
          <option value="">None: all charts the same size</option>
          {CHARTS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="cr-row">
        <label>
          <input
            type="checkbox"
            checked={state.presenter}
            onChange={(e) => state.setPresenter(e.target.checked)}
          />{' '}
          Open in presenter mode (large type, two charts, the samples)
        </label>
      </div>
      <div className="cr-row">
        <label>
          <input
            type="checkbox"
            checked={state.predict}
            onChange={(e) => state.setPredict(e.target.checked)}
          />{' '}
          Ask the class to predict each generation before it is shown (the run waits for the answer)
        </label>
      </div>
      <div className="cr-link">
        <label htmlFor="cr-link-field">Classroom link</label>
        <input id="cr-link-field" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="cr-button" onClick={() => void copy()}>
          Copy classroom link
        </button>
        <p className="cr-copied" role="status">
          {copied === true && 'Copied: the link opens this page as set here.'}
          {copied === false && 'This browser did not allow copying: select the link above and copy it.'}
        </p>
      </div>
    </div>
  );
}
