/**
 * Options read from the page address: `?backend=webgl|webgpu|wasm|cpu` tries only that backend
 * (tests use it to pick one), `?steps=N` changes the training length. A bad value is reported to
 * the user and ignored, never silently "fixed".
 */
import { BACKEND_NAMES, isBackendName, type StartOptions } from '../worker/protocol';

export interface UrlOptions {
  options: StartOptions;
  /** One sentence per ignored parameter, for the page to show. */
  problems: string[];
}

const MAX_URL_STEPS = 100_000;

export function readUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const options: StartOptions = {};
  const problems: string[] = [];

  const backend = params.get('backend');
  if (backend !== null) {
    const name = backend.trim().toLowerCase();
    if (isBackendName(name)) options.backend = name;
    else problems.push(`The address asks for backend "${backend}", which is not one of ${BACKEND_NAMES.join(', ')}; the best available one is used.`);
  }

  const steps = params.get('steps');
  if (steps !== null) {
    const n = Number(steps);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_URL_STEPS) options.steps = n;
    else problems.push(`The address asks for ${JSON.stringify(steps)} training steps; a whole number from 1 to ${MAX_URL_STEPS} is needed, so the default is used.`);
  }
  return { options, problems };
}
