/**
 * TEMPORARY: puts <RunsPanel/> at the end of the simulator's main column until App.tsx (not this
 * helper's file) renders it there itself; rendered from RunFiles, which the run bar mounts. Remove
 * this file and its use in RunFiles.tsx once App.tsx mounts <RunsPanel/>.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { RunsPanel } from './RunsPanel';

export function TemporaryRunsMount() {
  const [target, setTarget] = useState<Element | null>(null);
  useEffect(() => {
    // After the page's first commit, when the main column exists; if App.tsx already renders
    // the panel, this mount stays empty.
    const timer = setTimeout(() => {
      if (!document.querySelector('[data-testid="runs-panel"]')) setTarget(document.querySelector('.app-main'));
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return target ? createPortal(<RunsPanel />, target) : null;
}
