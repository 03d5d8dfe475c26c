import type { BackendName } from '../../worker/simulation-protocol';
import { useAppStore } from '../store/app-store';

const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly (wasm)',
  cpu: 'CPU (plain JavaScript)',
};

/** The backend the worker trains on, and, when it fell back from a faster one, why. */
export function BackendBadge() {
  const backend = useAppStore((s) => s.run.backend);
  if (!backend) {
    return (
      <div className="rb-backend">
        <span
          className="rb-badge rb-badge-pending"
          title="The fastest backend that passes a check is chosen when a run starts."
        >
          Backend: chosen at start
        </span>
      </div>
    );
  }
  const fellBack = backend.rejected.length > 0;
  return (
    <div className="rb-backend">
      <span
        className={`rb-badge${fellBack ? ' rb-badge-fallback' : ''}`}
        data-backend={backend.name}
        title={backend.summary}
      >
        <span className="visually-hidden">Backend: </span>
        {BACKEND_LABELS[backend.name]}
        {fellBack && ' (fallback)'}
      </span>
      {fellBack && (
        <details className="rb-fallback">
          <summary>{backend.summary}</summary>
          <ul>
            {backend.rejected.map((r) => (
              <li key={r.backend}>
                <strong>{BACKEND_LABELS[r.backend]}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
