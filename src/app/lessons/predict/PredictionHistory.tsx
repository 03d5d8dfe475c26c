import { usePredictions } from './prediction-store';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Every prediction kept in this browser with its result, newest first, folded by default so it
 * does not push the charts off a projector. Clearing asks no question: it is the class's own list.
 */
export function PredictionHistory() {
  const history = usePredictions((s) => s.history);
  const clear = usePredictions((s) => s.clearHistory);
  const right = history.filter((h) => h.directionRight).length;
  return (
    <details className="predict-history">
      <summary>
        Predictions so far:{' '}
        {history.length === 0 ? 'none yet' : `${right} of ${history.length} right direction`}
      </summary>
      <p className="predict-note">
        Kept in this browser only (its local storage) so they survive a reload; nothing is sent anywhere.
      </p>
      {history.length > 0 && (
        <>
          <table className="predict-table">
            <caption className="visually-hidden">Predictions and results, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Generation</th>
                <th scope="col">Perplexity</th>
                <th scope="col">Real words</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((h) => (
                <tr key={`${h.at}-${h.after.generation}`}>
                  <td>{h.runLabel}</td>
                  <th scope="row">{h.after.generation}</th>
                  <td>{h.perplexityWords}</td>
                  <td>
                    {h.prediction.realWordShare === null
                      ? `not predicted (${percent(h.after.realWordShare)})`
                      : h.shareWords}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="link-button" onClick={clear}>
            Clear these predictions
          </button>
        </>
      )}
    </details>
  );
}
