/**
 * metrics.csv's columns of a generation's word census (metrics/word-census.ts): how many real
 * words went extinct and came back, which (space-separated: a word has no space), how many word
 * tokens and distinct words the generation wrote, and its rank-frequency curve's corners as
 * "rank:count" pairs; then the same of its real words alone (the held-out sample's). Empty for a
 * run.json written before the census existed.
 */
import { rankFrequency, spectrumTokens, spectrumTypes } from '../metrics/rank-frequency';
import type { FrequencySpectrum } from '../metrics/rank-frequency';
import type { WordCensus } from '../metrics/word-census';

const corners = (s: FrequencySpectrum): string =>
  rankFrequency(s)
    .map((p) => `${p.rank}:${p.count}`)
    .join(' ');

export function wordCensusColumns(census: WordCensus | undefined): Record<string, number | string | null> {
  if (!census) {
    return {
      words_died: null,
      words_revived: null,
      word_tokens: null,
      word_types: null,
      words_died_list: null,
      words_revived_list: null,
      rank_frequency: null,
      real_word_types: null,
      real_rank_frequency: null,
    };
  }
  return {
    words_died: census.died.length,
    words_revived: census.revived.length,
    word_tokens: spectrumTokens(census.spectrum),
    word_types: spectrumTypes(census.spectrum),
    words_died_list: census.died.join(' '),
    words_revived_list: census.revived.join(' '),
    rank_frequency: corners(census.spectrum),
    real_word_types: spectrumTypes(census.realSpectrum),
    real_rank_frequency: corners(census.realSpectrum),
  };
}
