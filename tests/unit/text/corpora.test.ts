import { describe, expect, it } from 'vitest';
import { CORPORA, getCorpus, isCorpusId } from '../../../src/engine/text/corpora';

describe('built-in corpora registry', () => {
  it('lists tiny-tales (the default, first) and markov with labels and descriptions', () => {
    expect(CORPORA.map((c) => c.id)).toEqual(['tiny-tales', 'markov']);
    for (const c of CORPORA) {
      expect(c.label.length).toBeGreaterThan(3);
      expect(c.description.length).toBeGreaterThan(40);
    }
  });

  it.each(CORPORA.map((c) => [c.id] as const))('builds %s deterministically from a seed', (id) => {
    const corpus = getCorpus(id);
    const a = corpus.build(1, { minChars: 20_000 });
    expect(a.documents.join('').length).toBeGreaterThanOrEqual(20_000);
    expect(corpus.build(1, { minChars: 20_000 }).documents).toEqual(a.documents);
    expect(corpus.build(2, { minChars: 20_000 }).documents).not.toEqual(a.documents);
  });

  it('builds the default size (at least 500,000 characters) and gives the markov law with its text', () => {
    const markov = getCorpus('markov').build(3);
    expect(markov.documents.join('').length).toBeGreaterThanOrEqual(500_000);
    expect(markov.source?.logProb(markov.documents[0])).toBeLessThan(0);
    expect(getCorpus('tiny-tales').build(3).source).toBeUndefined();
  });

  it('rejects an unknown id with the list of valid ones', () => {
    expect(isCorpusId('markov')).toBe(true);
    expect(isCorpusId('wikipedia')).toBe(false);
    expect(() => getCorpus('wikipedia')).toThrow(/unknown corpus "wikipedia".*tiny-tales, markov/);
  });
});
