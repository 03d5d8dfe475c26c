import { useAppStore } from './store/app-store';

/**
 * Page-level messages (bad input, settings that apply later, a failed run) above the charts. The
 * list is a polite live region, so a screen reader hears each new message once; each can be
 * dismissed. A run's error stays until the next run: the results so far remain on screen below.
 */
export function MessageBar() {
  const messages = useAppStore((s) => s.ui.messages);
  const dismiss = useAppStore((s) => s.dismissMessage);
  const error = useAppStore((s) => s.run.error);

  return (
    <div className="message-bar" aria-live="polite" data-testid="messages">
      {error !== null && (
        <p className="message message-error" role="alert" data-testid="run-error">
          The run stopped: {error}. What it finished stays below.
        </p>
      )}
      {messages.length > 0 && (
        <ul className="message-list">
          {messages.map((message, i) => (
            <li className="message" key={`${i}-${message}`}>
              <span>{message}</span>
              <button type="button" className="message-dismiss" onClick={() => dismiss(i)} aria-label={`Dismiss: ${message}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
