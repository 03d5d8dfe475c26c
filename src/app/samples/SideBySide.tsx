import type { GenerationText } from './sample-view';
import { SampleText } from './SampleText';

/** Documents shown per column: enough to judge the style, few enough to read aloud. */
const PER_COLUMN = 4;

interface Props {
  shown: GenerationText;
  realSamples: readonly string[];
}

/** The selected generation's documents beside real held-out documents, column for column. */
export function SideBySide({ shown, realSamples }: Props) {
  return (
    <div className="samples-compare">
      <section
        className="samples-column samples-generated"
        aria-labelledby="samples-generated-heading"
        data-testid="generated-samples"
      >
        <h3 id="samples-generated-heading">Generation {shown.generation} wrote</h3>
        <ol className="sample-list">
          {shown.samples.slice(0, PER_COLUMN).map((text, i) => (
            <li key={`${shown.generation}-${i}`}>
              <SampleText text={text} nonWords={shown.nonWords} />
            </li>
          ))}
        </ol>
        {shown.nonWords !== null && shown.nonWords.size > 0 && (
          <p className="samples-hint">
            Words with a <span className="sample-nonword">wavy underline</span> occur nowhere in the real
            text.
          </p>
        )}
      </section>
      <section
        className="samples-column samples-real"
        aria-labelledby="samples-real-heading"
        data-testid="real-samples"
      >
        <h3 id="samples-real-heading">Real text (held out, never trained on)</h3>
        <ol className="sample-list">
          {realSamples.slice(0, PER_COLUMN).map((text, i) => (
            <li key={i}>
              <SampleText text={text} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
