import { useEffect, useState } from 'react';

/**
 * performance.now(), refreshed every intervalMs while `ticking`: the ETA counts down between the
 * store's updates without reading the clock during render.
 */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
