import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preferenceFromTimings, type BackendPreference } from '../../../src/app/store/backend-preference';
import { BackendPicker } from '../../../src/app/run-bar/BackendPicker';
import {
  automaticLabel,
  canMeasureAgain,
  describePreference,
  parseBackendSetting,
  pickerOptions,
} from '../../../src/app/run-bar/backend-picker';

const PREFERENCE: BackendPreference = preferenceFromTimings(
  [
    {
      backend: 'wasm',
      sampler: 'kv-cache',
      msPerStep: 148.6,
      charsPerSec: 13_538,
      secondsPerGeneration: 45.3,
    },
    { backend: 'webgl', sampler: 'kv-cache', msPerStep: 1_677, charsPerSec: 378, secondsPerGeneration: 530 },
  ],
  'test browser',
  new Date('2026-11-24T08:00:00Z'),
);

const render = (props: Partial<Parameters<typeof BackendPicker>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(BackendPicker, {
      value: 'auto',
      onChange: () => undefined,
      preference: PREFERENCE,
      onMeasureAgain: () => undefined,
      ...props,
    }),
  );

describe('backend picker options', () => {
  it('offers Automatic first, naming the remembered backend and its measured speed, then each backend', () => {
    expect(pickerOptions(PREFERENCE)).toEqual([
      { value: 'auto', label: 'Automatic (remembered: WASM, measured 149 ms/step)' },
      { value: 'webgpu', label: 'WebGPU' },
      { value: 'webgl', label: 'WebGL' },
      { value: 'wasm', label: 'WASM' },
      { value: 'cpu', label: 'CPU' },
    ]);
  });

  it('says when nothing has been measured yet in this browser', () => {
    expect(automaticLabel(null)).toBe('Automatic (measured at the next start)');
    expect(describePreference(null)).toMatch(/timed for a few seconds/);
  });

  it('explains the automatic choice with every timing, thousands separated', () => {
    const text = describePreference(PREFERENCE);
    expect(text).toMatch(
      /^Automatic uses WASM with the KV-cache sampler, the fastest when measured on 2026-11-24/,
    );
    expect(text).toContain(
      'WebGL with the KV-cache sampler: 1,677 ms per training step, 378 characters per second',
    );
  });

  it('reads the select back, refusing values it never offered', () => {
    expect(parseBackendSetting('auto')).toBe('auto');
    expect(parseBackendSetting('webgl')).toBe('webgl');
    expect(parseBackendSetting('cuda')).toBeNull();
  });

  it('offers "measure again" only when there is a remembered choice and no run is going', () => {
    expect(canMeasureAgain(PREFERENCE, false)).toBe(true);
    expect(canMeasureAgain(PREFERENCE, true)).toBe(false);
    expect(canMeasureAgain(null, false)).toBe(false);
  });
});

describe('backend picker markup', () => {
  it('is a labelled select, described by the timing, with the current value selected', () => {
    const html = render({ value: 'webgl' });
    const selectId = /<select id="([^"]+)"/.exec(html)?.[1];
    expect(selectId).toBeTruthy();
    expect(html).toContain(`<label for="${selectId}">Backend</label>`);
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`<span id="${describedBy}" class="visually-hidden">Automatic uses WASM`));
    expect(html).toMatch(/<option value="webgl" selected="">WebGL<\/option>/);
    expect(html).toContain('Automatic (remembered: WASM, measured 149 ms/step)');
  });

  it('disables the select and "measure again" during a run', () => {
    const html = render({ disabled: true });
    expect(html).toMatch(/<select[^>]* disabled=""/);
    expect(html).toMatch(/<button[^>]* disabled=""[^>]*>Measure again<\/button>/);
    expect(render()).not.toMatch(/disabled=""/);
  });
});
