import { describe, expect, it } from 'vitest';
import { splitCorpus, splitDocuments } from '../../../src/engine/text/documents';

describe('splitDocuments', () => {
  it('separates documents at blank lines and keeps single line breaks (poems) inside', () => {
    const docs = splitDocuments('Roses are red,\nviolets are blue.\n\n  \n\nSecond one.\r\n\r\nThird.\n');
    expect(docs).toEqual(['Roses are red,\nviolets are blue.', 'Second one.', 'Third.']);
  });

  it('cuts an overlong paragraph at sentence ends, never mid-word, each piece within the cap', () => {
    const sentence = 'The cat sat on the warm mat by the door. ';
    const paragraph = sentence.repeat(200);
    const docs = splitDocuments(paragraph, { maxChars: 300 });
    expect(docs.length).toBeGreaterThan(20);
    for (const d of docs) {
      expect(d.length).toBeLessThanOrEqual(300);
      expect(d.length).toBeGreaterThanOrEqual(150);
      expect(d).toMatch(/^The .*\.$/);
    }
    expect(docs.join(' ')).toBe(paragraph.trim());
  });

  it('cuts at spaces when there is no sentence end, and hard-cuts text without spaces without breaking emoji', () => {
    const words = splitDocuments('word '.repeat(1000), { maxChars: 100 });
    for (const d of words) expect(d).toMatch(/^(word ?)+$/);
    const emoji = splitDocuments('🙂'.repeat(301), { maxChars: 100 });
    expect(emoji.join('')).toBe('🙂'.repeat(301));
    for (const d of emoji) expect(d.length).toBeLessThanOrEqual(100);
  });

  it('cuts a 5-million-character single line into full-size pieces (a quadratic cut would time out)', () => {
    const docs = splitDocuments('abcdefghij'.repeat(500_000));
    expect(docs.length).toBe(2_500);
  });
});

describe('splitCorpus', () => {
  const documents = Array.from({ length: 200 }, (_, i) => `Document number ${i}.`);

  it('gives disjoint held-out, training and reserve parts that together are the whole corpus', () => {
    const split = splitCorpus(documents, { seed: 1, heldOutShare: 0.1, reserveShare: 0.2 });
    const all = [...split.heldOut, ...split.real, ...split.reserve];
    expect(new Set(all).size).toBe(documents.length);
    expect(all.sort()).toEqual([...documents].sort());
    expect(split.heldOut.length).toBeGreaterThanOrEqual(19);
    expect(split.heldOut.length).toBeLessThanOrEqual(22);
    expect(split.reserve.length).toBeGreaterThanOrEqual(38);
    expect(split.reserve.length).toBeLessThanOrEqual(42);
  });

  it('is deterministic per seed and changes with the seed', () => {
    const a = splitCorpus(documents, { seed: 5 });
    expect(splitCorpus(documents, { seed: 5 })).toEqual(a);
    expect(splitCorpus(documents, { seed: 6 }).heldOut).not.toEqual(a.heldOut);
    expect(a.reserve).toEqual([]);
  });

  it('measures shares in characters, so one huge document cannot hide in a "10%" held-out set', () => {
    const docs = ['x'.repeat(10_000), ...Array.from({ length: 99 }, (_, i) => `short ${i}`)];
    for (let seed = 0; seed < 20; seed++) {
      const { heldOut, real } = splitCorpus(docs, { seed });
      const held = heldOut.join('').length;
      // Either the big one is held out (and nothing else), or the held-out part stays small.
      if (heldOut.includes(docs[0])) expect(heldOut.length).toBeLessThanOrEqual(100);
      else expect(held).toBeLessThan(0.1 * 12_000);
      expect(real.length).toBeGreaterThan(0);
    }
  });

  it('refuses a corpus too small to keep anything for training', () => {
    expect(() => splitCorpus(['only one'], { seed: 1 })).toThrow(/too few/);
    expect(() => splitCorpus(documents, { seed: 1, heldOutShare: 0.6, reserveShare: 0.5 })).toThrow(
      /sum below 1/,
    );
  });
});
