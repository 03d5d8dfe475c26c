/** The sweep worker's lifetime follows the Theory view: started on the first Run, ended on leaving. */
import { useCallback, useEffect, useRef } from 'react';
import { SweepClient } from './sweep-client';
import type { SweepRequest } from './sweep-job';
import { useSweepStore } from './sweep-store';

export function useSweep(): { run(request: SweepRequest): void; cancel(): void } {
  const client = useRef<SweepClient | null>(null);
  useEffect(
    () => () => {
      client.current?.terminate();
      client.current = null;
    },
    [],
  );
  const run = useCallback((request: SweepRequest) => {
    client.current ??= new SweepClient((event) => useSweepStore.getState().receive(event, performance.now()));
    const id = client.current.run(request);
    useSweepStore.getState().started(id, request, performance.now());
  }, []);
  const cancel = useCallback(() => {
    client.current?.cancel();
    useSweepStore.getState().cancelled();
  }, []);
  return { run, cancel };
}
