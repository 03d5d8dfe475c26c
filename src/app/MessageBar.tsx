import { ResumeOffer } from './ResumeOffer';
import { useAppStore } from './store/app-store';

/**
 * Page-level messages (bad input, settings that apply later, a failed run) above the charts,
 * and the run's own notices (a setting that needs a new run, a reserve of fresh text that ran
 * out, a training that diverged and paused the run). The bar is a polite live region, so a
 * screen reader hears each new message once; page messages can be dismissed; a run's error and
 * notices stay until the next run: the results so far remain on screen below. When a run failed
 * after a checkpoint (its worker crashed, say), the bar offers to resume it from there.
 */
export function MessageBar() {
  const messages = useAppStore((s) => s.ui.messages);
  const dismiss = useAppStore((s) => s.dismissMessage);
  const error = useAppStore((s) => s.run.error);
  const notices = useAppStore((s) => s.run.notices);

  return (
    <div className="message-bar" aria-live="polite" data-testid="messages">
      {error !== null && (
        <p className="message message-error" role="alert" data-testid="run-error">
          The run stopped: {error}. What it finished stays below.
        </p>
      )}
      <ResumeOffer />
      {notices.length > 0 && (
        <ul className="message-list" aria-label="Notes from this run" data-testid="run-notices">
          {notices.map((notice, i) => (
            <li className="message message-note" key={`${i}-${notice}`}>
              <span>{notice}</span>
            </li>
          ))}
        </ul>
      )}
      {messages.length > 0 && (
        <ul className="message-list">
          {messages.map((message, i) => (
            <li className="message" key={`${i}-${message}`}>
              <span>{message}</span>
              <button
                type="button"
                className="message-dismiss"
                onClick={() => dismiss(i)}
                aria-label={`Dismiss: ${message}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
