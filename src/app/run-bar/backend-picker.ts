/**
 * What the backend picker shows: its options (Automatic, with the remembered choice and its
 * timing, then each backend by name) and the sentence that explains the automatic choice.
 * Pure, so tested in Node; BackendPicker.tsx only renders it.
 */
import type { BackendPreference, BackendSetting } from '../store/backend-preference';
import type { BackendName, SamplerKind } from '../../worker/simulation-protocol';

export const PICKER_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const PICKER_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

const SAMPLER_LABELS: Readonly<Record<SamplerKind, string>> = {
  'kv-cache': 'KV-cache sampler',
  'fixed-shape': 'fixed-shape sampler',
};

export interface PickerOption {
  value: BackendSetting;
  label: string;
}

/** Milliseconds as a reader wants them: whole numbers, with thousands separators. */
export function formatMs(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}

/** The remembered winner's timing, or undefined when the record holds no timing of it. */
function winnerTiming(preference: BackendPreference) {
  return preference.timings.find((t) => t.backend === preference.backend && t.sampler === preference.sampler);
}

export function automaticLabel(preference: BackendPreference | null): string {
  if (!preference) return 'Automatic (measured at the next start)';
  const timing = winnerTiming(preference);
  const measured = timing ? `, measured ${formatMs(timing.msPerStep)} ms/step` : '';
  return `Automatic (remembered: ${PICKER_LABELS[preference.backend]}${measured})`;
}

export function pickerOptions(preference: BackendPreference | null): PickerOption[] {
  return [
    { value: 'auto', label: automaticLabel(preference) },
    ...PICKER_BACKENDS.map((b) => ({ value: b, label: PICKER_LABELS[b] })),
  ];
}

/** The select's value back as a setting, or null for anything it never offered. */
export function parseBackendSetting(value: string): BackendSetting | null {
  if (value === 'auto') return 'auto';
  return (PICKER_BACKENDS as readonly string[]).includes(value) ? (value as BackendName) : null;
}

/** The picker's description for screen readers and the tooltip: how the automatic choice was made. */
export function describePreference(preference: BackendPreference | null): string {
  if (!preference)
    return 'Automatic: at the next start, each backend that passes the check is timed for a few seconds, and the fastest is remembered for this browser.';
  const date = preference.measuredAt.slice(0, 10);
  const timings = preference.timings
    .map(
      (t) =>
        `${PICKER_LABELS[t.backend]} with the ${SAMPLER_LABELS[t.sampler]}: ${formatMs(t.msPerStep)} ms per training step, ${formatMs(t.charsPerSec)} characters per second`,
    )
    .join('; ');
  return `Automatic uses ${PICKER_LABELS[preference.backend]} with the ${SAMPLER_LABELS[preference.sampler]}, the fastest when measured on ${date} (${timings}).`;
}

/** "Measure again" forgets the remembered choice: there must be one to forget. */
export function canMeasureAgain(preference: BackendPreference | null, disabled: boolean): boolean {
  return preference !== null && !disabled;
}
