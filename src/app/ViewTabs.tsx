import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

export type AppView = 'simulator' | 'theory';

const VIEWS: { id: AppView; label: string }[] = [
  { id: 'simulator', label: 'Simulator: transformers' },
  { id: 'theory', label: 'Theory: the count model' },
];

const viewFromHash = (): AppView => (window.location.hash === '#theory' ? 'theory' : 'simulator');

/** The view in the address (#theory), so a teacher can link straight to it. */
export function useAppView(): [AppView, (view: AppView) => void] {
  const [view, setView] = useState<AppView>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const choose = useCallback((next: AppView) => {
    history.replaceState(
      null,
      '',
      next === 'theory' ? '#theory' : window.location.pathname + window.location.search,
    );
    setView(next);
  }, []);
  return [view, choose];
}

/** Two tabs (WAI-ARIA tabs pattern: arrow keys move between them). */
export function ViewTabs({ view, onChange }: { view: AppView; onChange(view: AppView): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = (index + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length;
    onChange(VIEWS[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="View">
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={view === v.id}
          aria-controls={`panel-${v.id}`}
          tabIndex={view === v.id ? 0 : -1}
          onClick={() => onChange(v.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
