/** Pseudo-text over ~60 symbols, as npm run bench uses: the benchmark measures arithmetic, not language. */
import { createRng } from '../engine/rng';
import { documentsToStream } from '../engine/model/train/batches';
import { buildVocabulary } from '../engine/text/vocabulary';

export function benchStream(chars = 50_000): { stream: Int32Array; vocabSize: number } {
  const rng = createRng('bench-text');
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,!?\'"';
  let text = '';
  for (let i = 0; i < chars; i++) text += alphabet[rng.int(alphabet.length)];
  const vocab = buildVocabulary([text]);
  return { stream: documentsToStream([vocab.encode(text)]), vocabSize: vocab.size };
}
