/**
 * Runs the unigram chain in the theory worker whenever the settings change, debounced: a slider
 * dragged across twenty positions asks for one run, not twenty. The client cancels the run
 * before each new one, so only the latest settings are ever drawn.
 */
import { useEffect, useRef } from 'react';
import { TheoryClient } from '../../worker/theory-client';
import { theoryConfig } from './shared/theory-settings';
import { useTheoryStore } from './shared/theory-store';

/** Long enough to skip the positions a drag passes through, short enough to feel live. */
export const RUN_DEBOUNCE_MS = 300;

export function useTheoryRunner(): void {
  const settings = useTheoryStore((s) => s.settings);
  const clientRef = useRef<TheoryClient | null>(null);

  useEffect(() => {
    const client = new TheoryClient();
    clientRef.current = client;
    const unsubscribe = client.subscribe((event) =>
      useTheoryStore.getState().receive(event, performance.now()),
    );
    return () => {
      unsubscribe();
      client.terminate();
      clientRef.current = null;
    };
  }, []);

  useEffect(() => {
    useTheoryStore.getState().markWaiting();
    const timer = window.setTimeout(() => {
      const client = clientRef.current;
      if (!client) return;
      const runId = client.run(theoryConfig(settings));
      useTheoryStore.getState().started(runId, settings, performance.now());
    }, RUN_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [settings]);
}
