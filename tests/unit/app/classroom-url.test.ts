import { describe, expect, it } from 'vitest';
import { CHART_IDS, CONTROL_IDS } from '../../../src/app/classroom/classroom-controls';
import { classroomUrl } from '../../../src/app/classroom/classroom-link';
import {
  classroomMessage,
  classroomQuery,
  classroomSearch,
  MAX_NAMES,
  NO_CLASSROOM,
  readClassroom,
  type ClassroomSettings,
} from '../../../src/app/classroom/classroom-url';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { readSharedConfig } from '../../../src/app/share/share-decoding';
import { shareSearch } from '../../../src/app/share/share-encoding';
import { createRng } from '../../../src/engine/rng';

const lesson: ClassroomSettings = {
  hidden: ['seed', 'preset'],
  locked: ['paradigm', 'temperature'],
  large: 'divergence',
  presenter: true,
  predict: true,
};

describe('classroom options in the address', () => {
  it('round-trips hide, lock, large, presenter and predict, in the panel order', () => {
    const query = classroomQuery(lesson);
    expect(query).toBe(
      'cv=1&hide=preset&hide=seed&lock=paradigm&lock=temperature&large=divergence&present=1&predict=1',
    );
    const back = readClassroom(`?${query}`);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual({
      hidden: ['preset', 'seed'],
      locked: ['paradigm', 'temperature'],
      large: 'divergence',
      presenter: true,
      predict: true,
    });
  });

  it('writes nothing for a plain page and reads nothing from one', () => {
    expect(classroomQuery(NO_CLASSROOM)).toBe('');
    expect(readClassroom('')).toEqual({ settings: NO_CLASSROOM, problems: [] });
    expect(readClassroom('?v=1&set=seed=3&backend=wasm')).toEqual({ settings: NO_CLASSROOM, problems: [] });
  });

  it('round-trips every control and chart', () => {
    for (const id of CONTROL_IDS) {
      const s: ClassroomSettings = {
        hidden: [id],
        locked: [id],
        large: null,
        presenter: false,
        predict: false,
      };
      expect(readClassroom(`?${classroomQuery(s)}`).settings).toEqual(s);
    }
    for (const large of CHART_IDS)
      expect(readClassroom(`?${classroomQuery({ ...NO_CLASSROOM, large })}`).settings.large).toBe(large);
  });

  it('skips unknown names with a notice and keeps what it can read', () => {
    const { settings, problems } = readClassroom(
      '?cv=1&hide=seed&hide=__proto__&lock=warp-drive&lock=topK&large=pie&present=maybe&predict=often',
    );
    expect(settings).toEqual({
      hidden: ['seed'],
      locked: ['topK'],
      large: null,
      presenter: false,
      predict: false,
    });
    expect(problems).toEqual([
      '"__proto__" is not a control that can be hidden',
      '"warp-drive" is not a control that can be locked',
      '"pie" is not a chart; the charts keep their usual sizes',
      'present="maybe" is neither 1 nor 0; presenter mode stays off',
      'predict="often" is neither 1 nor 0; predictions stay off',
    ]);
    expect(classroomMessage(problems)).toMatch(
      /^This link's classroom options were not all usable, so those were skipped: "__proto__" is not a control/,
    );
  });

  it('reads a newer or junk version, with a notice, rather than refusing the link', () => {
    const newer = readClassroom('?cv=7&lock=seed');
    expect(newer.settings.locked).toEqual(['seed']);
    expect(newer.problems[0]).toMatch(/newer Collapse Lab \(version 7\)/);
    expect(readClassroom('?cv=abc&hide=seed').problems[0]).toMatch(/"abc" is not a version number/);
    expect(classroomMessage([])).toBeNull();
  });

  it('stops reading past a sane number of names', () => {
    const many = Array.from({ length: 500 }, () => 'hide=seed').join('&');
    const { settings, problems } = readClassroom(`?${many}`);
    expect(settings.hidden).toEqual(['seed']);
    expect(problems).toEqual([`only the first ${MAX_NAMES} of 500 "hide" names were read`]);
  });

  it('never throws on random junk', () => {
    const rng = createRng(6);
    const alphabet = 'cvhidelockargpresnt=&%?#1,._- \u00e9\u{1F512}';
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(rng.next() * 80);
      let text = '?';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(rng.next() * alphabet.length)];
      const { settings } = readClassroom(text);
      for (const id of [...settings.hidden, ...settings.locked]) expect(CONTROL_IDS).toContain(id);
    }
  });
});

describe('the classroom part and the settings part share one address', () => {
  it('keeps other parameters first, ours next, the settings last; both writers agree', () => {
    const config = { ...DEFAULT_CONFIG, seed: 42 };
    const withSettings = shareSearch(config, '?backend=wasm');
    const both = classroomSearch(lesson, withSettings);
    expect(both).toBe(
      '?backend=wasm&cv=1&hide=preset&hide=seed&lock=paradigm&lock=temperature&large=divergence&present=1&predict=1&v=1&set=seed=42',
    );
    // Neither writer undoes the other: each leaves the other's output as it is.
    expect(shareSearch(config, both)).toBe(both);
    expect(classroomSearch(lesson, both)).toBe(both);
    expect(readSharedConfig(both).config?.seed).toBe(42);
    expect(readClassroom(both).settings.locked).toEqual(['paradigm', 'temperature']);
  });

  it('removes its part when the classroom options are cleared', () => {
    expect(classroomSearch(NO_CLASSROOM, '?cv=1&hide=seed&v=1&set=seed=3')).toBe('?v=1&set=seed=3');
    expect(classroomSearch(NO_CLASSROOM, '?cv=1&present=1&predict=1')).toBe('');
  });

  it('builds the whole link from the page location', () => {
    const url = classroomUrl(
      { ...DEFAULT_CONFIG, generations: 4 },
      { ...NO_CLASSROOM, locked: ['generations'] },
      {
        origin: 'https://school.example',
        pathname: '/lab/',
        search: '?backend=cpu',
        hash: '',
      },
    );
    expect(url).toBe('https://school.example/lab/?backend=cpu&cv=1&lock=generations&v=1&set=generations=4');
  });
});
