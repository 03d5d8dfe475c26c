import { describe, expect, it } from 'vitest';
import { buildVocabulary, EOD, UNK, vocabularyFromSymbols } from '../../src/engine/text/vocabulary';

describe('vocabulary', () => {
  it('reserves EOD and UNK and round-trips known text', () => {
    const v = buildVocabulary(['hello world']);
    expect(v.size).toBe(2 + new Set('hello world').size);
    const ids = v.encode('hold');
    expect([...ids].every((id) => id > UNK)).toBe(true);
    expect(v.decode(ids)).toBe('hold');
  });

  it('maps characters beyond the cap to UNK and counts them', () => {
    const v = buildVocabulary(['aaaabbbc'], 4); // room for EOD, UNK, a, b
    expect(v.encode('abc')[2]).toBe(UNK);
    expect(v.countUnknown('abcc')).toBe(2);
  });

  it('treats an emoji as one symbol and rebuilds from its symbol list', () => {
    const v = buildVocabulary(['a🙂a']);
    expect(v.encode('🙂').length).toBe(1);
    const w = vocabularyFromSymbols(v.symbols);
    expect(w.decode(w.encode('a🙂'))).toBe('a🙂');
    expect(v.decode([EOD], { dropSpecial: true })).toBe('');
  });
});
