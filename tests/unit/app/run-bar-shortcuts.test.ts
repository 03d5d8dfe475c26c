import { describe, expect, it } from 'vitest';
import { playPauseFor, shortcutFor, type KeyPress } from '../../../src/app/run-bar/shortcuts';

const press = (
  key: string,
  target: KeyPress['target'] = { tagName: 'BODY', isContentEditable: false, role: null },
  extra: Partial<KeyPress> = {},
): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  target,
  ...extra,
});
const el = (tagName: string, role: string | null = null, isContentEditable = false) => ({
  tagName,
  role,
  isContentEditable,
});

describe('keyboard shortcuts', () => {
  it('maps space, n, r and ?', () => {
    expect(shortcutFor(press(' '))).toBe('play-pause');
    expect(shortcutFor(press('n'))).toBe('step');
    expect(shortcutFor(press('R'))).toBe('reset');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('maps p to presenter mode and Escape to leaving it', () => {
    expect(shortcutFor(press('p'))).toBe('presenter');
    expect(shortcutFor(press('P'))).toBe('presenter');
    expect(shortcutFor(press('Escape'))).toBe('leave-presenter');
    expect(shortcutFor(press('p', el('INPUT')))).toBeNull();
    expect(shortcutFor(press('p', undefined, { ctrlKey: true }))).toBeNull();
  });

  it('leaves keys typed into fields alone', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(shortcutFor(press('n', el(tag)))).toBeNull();
      expect(shortcutFor(press(' ', el(tag)))).toBeNull();
    }
    expect(shortcutFor(press('r', el('DIV', null, true)))).toBeNull();
  });

  it('lets space press a focused button instead of acting twice, but n still steps there', () => {
    expect(shortcutFor(press(' ', el('BUTTON')))).toBeNull();
    expect(shortcutFor(press(' ', el('DIV', 'button')))).toBeNull();
    expect(shortcutFor(press('n', el('BUTTON')))).toBe('step');
  });

  it('ignores modified and repeated keys', () => {
    expect(shortcutFor(press('r', undefined, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('n', undefined, { metaKey: true }))).toBeNull();
    expect(shortcutFor(press(' ', undefined, { repeat: true }))).toBeNull();
  });

  it('toggles play and pause by status', () => {
    expect(playPauseFor('idle')).toBe('start');
    expect(playPauseFor('running')).toBe('pause');
    expect(playPauseFor('starting')).toBe('pause');
    expect(playPauseFor('paused')).toBe('resume');
    expect(playPauseFor('complete')).toBe('start');
    expect(playPauseFor('failed')).toBe('start');
  });
});
