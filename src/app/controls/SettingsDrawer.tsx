import { useState } from 'react';
import { ControlsPanel } from './ControlsPanel';

/**
 * The settings column. On a projector or laptop it sits beside the charts; on a tablet (below
 * 880 px) it folds into a drawer behind a button, so the settings never push the charts off the
 * screen. Collapsed there by default: the charts are what the class looks at.
 */
export function SettingsDrawer() {
  const [open, setOpen] = useState(false);
  return (
    <aside className="app-controls" aria-label="Settings" data-tour="settings" data-open={open}>
      <button
        type="button"
        className="app-settings-toggle"
        aria-expanded={open}
        aria-controls="app-settings-body"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide settings' : 'Show settings'}
      </button>
      <div id="app-settings-body" className="app-settings-body">
        <ControlsPanel />
      </div>
    </aside>
  );
}
