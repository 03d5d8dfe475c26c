import type { FrequencyBand } from './word-list';

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

/**
 * How many real words of each frequency band the generation shown did not write: the rare bands'
 * bars are the long ones when the tail dies first. Each bar in two parts: words no generation
 * wrote (grey) and words written by some generation, then lost (orange). A table, so a screen reader reads
 * band, counts and share.
 */
export function FrequencyBands({ bands, asOf }: { bands: readonly FrequencyBand[]; asOf: number }) {
  return (
    <div className="words-bands">
      <table data-testid="words-bands">
        <caption>
          Missing from generation {asOf}&rsquo;s text, by how often the word occurs in the real text
        </caption>
        <thead>
          <tr>
            <th scope="col">occurs</th>
            <th scope="col">missing</th>
            <th scope="col">
              <span className="visually-hidden">never written, and written, then lost</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>
                {b.gone} of {b.words} ({Math.round(percent(b.gone, b.words))}%)
              </td>
              <td className="words-band-cell">
                <span className="words-band-bar" aria-hidden="true">
                  <span className="words-band-never" style={{ width: `${percent(b.never, b.words)}%` }} />
                  <span
                    className="words-band-lost"
                    style={{ width: `${percent(b.gone - b.never, b.words)}%` }}
                  />
                </span>
                <span className="visually-hidden">
                  {b.never} never written, {b.gone - b.never} written, then lost
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="words-bands-key" aria-hidden="true">
        <span className="words-key words-key-never" /> never written{' '}
        <span className="words-key words-key-lost" /> written, then lost
      </p>
    </div>
  );
}
