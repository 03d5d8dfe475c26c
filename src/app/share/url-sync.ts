/**
 * Keeps the address bar equal to the settings: on each settings change (throttled, so dragging a
 * slider does not flood the history API, which browsers rate-limit) the query is rewritten with
 * history.replaceState. Replace, not push: the back button should leave the page, not undo a
 * slider.
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { shareSearch } from './share-encoding';

export const URL_SYNC_MS = 400;

interface ConfigSource {
  getState(): { config: SimulationConfig };
  subscribe(
    listener: (state: { config: SimulationConfig }, previous: { config: SimulationConfig }) => void,
  ): () => void;
}

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;
type History = Pick<globalThis.History, 'replaceState' | 'state'>;

/** Writes `config` into the address if it differs; returns whether it wrote. */
export function writeConfigToAddress(config: SimulationConfig, location: Place, history: History): boolean {
  const search = shareSearch(config, location.search);
  if (search === location.search) return false;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  return true;
}

/** Starts syncing; the returned function stops it (and drops a pending write). */
export function startUrlSync(
  store: ConfigSource,
  location: Place,
  history: History,
  delayMs = URL_SYNC_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    writeConfigToAddress(store.getState().config, location, history);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config === previous.config) return;
    timer ??= setTimeout(flush, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
