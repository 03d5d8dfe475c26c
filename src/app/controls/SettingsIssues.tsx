import { useConfigIssues } from './use-config-fit';

const KIND_LABEL = { refused: 'Cannot run', adjusted: 'Adjusted', note: 'Note' } as const;

/**
 * Settings that pass one by one but not together: each with its reason, what the run will do
 * instead (adjusted) or why Play is refused. Shown at the top of the panel, where a change that
 * causes one is still in view.
 */
export function SettingsIssues() {
  const issues = useConfigIssues();
  return (
    <div aria-live="polite">
      {issues.length > 0 && (
        <ul className="cl-notices cl-settings-issues" aria-label="How these settings fit together">
          {issues.map((issue) => (
            <li
              key={issue.field + issue.message}
              className={issue.kind === 'refused' ? 'cl-message-error' : undefined}
            >
              <strong>{KIND_LABEL[issue.kind]}:</strong> {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
