import type { RunState } from '../run-state';

const fmt = (x: number | null) => (x === null ? '…' : x.toFixed(2));

/**
 * Held-out perplexity before and after training. An untrained model scores about the vocabulary
 * size (it guesses uniformly); the lower the trained figure, the more of the stories it learned.
 */
export function PerplexityReport({ state }: { state: RunState }) {
  const { untrainedPerplexity, trainedPerplexity, corpus } = state;
  if (untrainedPerplexity === null) return null;
  return (
    <section aria-labelledby="perplexity-heading">
      <h2 id="perplexity-heading">Perplexity on held-out stories</h2>
      <dl className="figures">
        <div>
          <dt>Untrained model</dt>
          <dd data-testid="perplexity-untrained">{fmt(untrainedPerplexity)}</dd>
        </div>
        <div>
          <dt>Trained model</dt>
          <dd data-testid="perplexity-trained">{fmt(trainedPerplexity)}</dd>
        </div>
      </dl>
      {corpus && (
        <p className="muted">
          Measured on {corpus.heldOutChars.toLocaleString('en')} characters of stories the model never trained on. With{' '}
          {corpus.vocabSize} symbols, blind guessing scores {corpus.vocabSize}; a perfect model would score 1.
        </p>
      )}
    </section>
  );
}
