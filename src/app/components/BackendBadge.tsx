import type { RunState } from '../run-state';

/** Which backend trains the model, and why a faster one was passed over, if one was. */
export function BackendBadge({ backend }: { backend: RunState['backend'] }) {
  if (!backend) return null;
  const fellBack = backend.rejected.length > 0;
  return (
    <section className="backend" aria-labelledby="backend-heading">
      <h2 id="backend-heading" className="visually-hidden">
        Compute backend
      </h2>
      <p>
        <span className={fellBack ? 'badge badge-fallback' : 'badge'} data-testid="backend">
          {backend.name}
        </span>{' '}
        <span data-testid="backend-summary">{backend.summary}</span>
      </p>
    </section>
  );
}
