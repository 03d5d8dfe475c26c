/**
 * Owns the simulation worker for the page's lifetime and folds its events into RunState.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { SimulationClient } from '../worker/client';
import type { StartOptions } from '../worker/protocol';
import { INITIAL_RUN, reduceRun, type RunState } from './run-state';

export interface Simulation {
  state: RunState;
  start(): void;
  stop(): void;
}

export function useSimulation(options: StartOptions): Simulation {
  const [state, dispatch] = useReducer(reduceRun, INITIAL_RUN);
  const client = useRef<SimulationClient | null>(null);

  useEffect(() => {
    const c = new SimulationClient();
    client.current = c;
    const unsubscribe = c.subscribe(dispatch);
    return () => {
      unsubscribe();
      c.terminate();
      client.current = null;
    };
  }, []);

  const start = useCallback(() => {
    dispatch({ type: 'start-requested' });
    client.current?.start(options);
  }, [options]);
  const stop = useCallback(() => client.current?.stop(), []);

  return { state, start, stop };
}
