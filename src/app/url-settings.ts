/**
 * The settings in the page address, read once at start-up: `?v=1&set=key=value` (repeatable; the
 * CLI's `--set` keys and aliases, e.g. `set=realChars=2000`). Share links carry every setting
 * that differs from the defaults this way (share/share-encoding.ts writes them, share/url-sync.ts
 * keeps the address current). It also reaches settings the panel has no control for, such as the
 * corpus size; the browser tests use it for a small corpus. A bad, truncated or newer link never
 * blanks the page: what can be read is kept, the rest are defaults, and one message says why.
 */
import type { SimulationConfig } from '../engine/config/schema';
import { readSharedConfig, sharedConfigMessage } from './share/share-decoding';

export interface SettingsFromUrl {
  /** null when the address sets nothing. */
  config: SimulationConfig | null;
  problems: string[];
}

export function readUrlSettings(search: string): SettingsFromUrl {
  const { config, problems } = readSharedConfig(search);
  const message = sharedConfigMessage(problems);
  return { config, problems: message ? [message] : [] };
}
