import { formatFactor, predictionWords } from './prediction-scoring';
import type { PredictionResult } from './prediction-store';

interface Props {
  result: PredictionResult;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * A result beside its prediction: what the class said and what the run measured, row by row,
 * then the verdict in words. Marked right or wrong in words too, never by colour alone.
 */
export function PredictionReveal({ result }: Props) {
  const { before, after, prediction } = result;
  const ratio = after.perplexity / before.perplexity;
  return (
    <div className="predict-reveal" data-testid="prediction-reveal" data-generation={after.generation}>
      <h3 className="predict-question">Generation {after.generation}: your prediction and the result</h3>
      <table className="predict-table">
        <thead>
          <tr>
            <th scope="col">Generation {after.generation}</th>
            <th scope="col">You said</th>
            <th scope="col">Measured</th>
          </tr>
        </thead>
        <tbody>
          <tr data-right={result.directionRight ? 'yes' : 'no'}>
            <th scope="row">Perplexity on real text</th>
            <td>{predictionWords(prediction)}</td>
            <td>
              {formatFactor(ratio)} ({before.perplexity.toFixed(2)} &rarr; {after.perplexity.toFixed(2)})
            </td>
          </tr>
          {prediction.realWordShare !== null && (
            <tr data-right={result.shareRight ? 'yes' : 'no'}>
              <th scope="row">Real words</th>
              <td>{percent(prediction.realWordShare)}</td>
              <td>{percent(after.realWordShare)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="predict-verdict" data-testid="prediction-verdict">
        {result.perplexityWords}
        {result.shareWords !== null && ` ${result.shareWords}`}
      </p>
    </div>
  );
}
