/**
 * "About": the lesson in plain words for students. The loop in one picture, what each chart
 * means, the paper's claim with its conditions (not more than it proves), and what each preset
 * reproduces and from which paper (read from the presets themselves, so it cannot drift).
 */
import { PRESETS } from '../../engine/config/presets';
import { Dialog } from '../ui/Dialog';
import { LoopDiagram } from './LoopDiagram';
import './explain.css';

const CHART_MEANINGS: readonly [string, string][] = [
  [
    'Held-out perplexity',
    'How surprised each model is by real text it never saw. Lower is better; climbing toward the dashed “untrained model” line means the models are forgetting real language.',
  ],
  [
    'Training loss',
    'How well the current model fits its own training text while it learns. It can look fine even when that text has drifted away from real language.',
  ],
  [
    'Divergence from real text',
    'How different the letters and letter pairs the model writes are from real text. Rising means the writing drifts away from human writing.',
  ],
  [
    'Lost support',
    'Real letters, pairs and words that no longer appear at all in what the model writes. Rare things disappear first, and once gone they rarely return.',
  ],
  [
    'Entropy and distinct-n',
    'Variety in the writing. Falling means the text gets repetitive and predictable.',
  ],
  [
    'Corpus provenance',
    'Who wrote the text each model learned from: people, or earlier models. Watch the human share shrink.',
  ],
];

export function AboutPanel({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="About Collapse Lab" onClose={onClose} wide>
      <div className="ex-about">
        <section aria-labelledby="ex-about-loop">
          <h3 id="ex-about-loop">The loop</h3>
          <p>
            A small language model learns to write from a corpus of real, human text. Then it writes text of
            its own, and some of that text is put back into the corpus. The next model learns from the mixed
            corpus, writes, and so on: each generation learns partly from the previous generations&rsquo;
            writing.
          </p>
          <LoopDiagram />
        </section>
        <section aria-labelledby="ex-about-claim">
          <h3 id="ex-about-claim">What the paper claims, and when</h3>
          <p>
            Wang et al. (2024, arXiv 2412.14872) give a mathematical proof: if a corpus such as the Web starts
            taking in generated text, and each new model&rsquo;s training text is sampled from that corpus,
            then no matter how little text each model adds, after enough generations the models collapse: they
            do no better on real text than an untrained model with random weights. They check it with
            experiments on small models.
          </p>
          <p>The conditions matter:</p>
          <ul>
            <li>
              No new human text enters the corpus. With fresh real text every generation, the loop can stay
              stable.
            </li>
            <li>The real text is a finite set: what is there at the start is all there will ever be.</li>
            <li>
              The proof says collapse comes eventually, not how fast. Less generated text per generation slows
              it down; it does not stop it.
            </li>
            <li>
              It is a proof about a simplified model of training. This page runs tiny character-level models
              for minutes, so it shows the effect qualitatively, not the paper&rsquo;s numbers. The formal
              model here is our reconstruction.
            </li>
          </ul>
        </section>
        <section aria-labelledby="ex-about-charts">
          <h3 id="ex-about-charts">What each chart means</h3>
          <dl className="ex-terms">
            {CHART_MEANINGS.map(([name, meaning]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="ex-about-lessons">
          <h3 id="ex-about-lessons">Lessons: what a class does with a run</h3>
          <dl className="ex-terms">
            <div>
              <dt>Words that died</dt>
              <dd>
                The real words, rarest first, with the last generation that still wrote each one (grey: no
                model ever did). The bars count the missing words by how often they occur in real text: the
                rare ones go first. The Zipf plot ranks words by frequency on log scales; as rare words die, a
                generation&rsquo;s line stops short of the real text&rsquo;s.
              </dd>
            </div>
            <div>
              <dt>How the models see their own text</dt>
              <dd>
                Generation 0&rsquo;s model, trained on real text only, reads every later generation&rsquo;s
                documents: the histogram shows how surprised it is by each (Shumailov et al. 2024). Later
                generations pile up on the easy side and grow a tail of errors; real text is the green
                outline.
              </dd>
            </div>
            <div>
              <dt>Predict, then reveal</dt>
              <dd>
                With predictions on (a classroom link), the run waits before each generation: the class says
                whether perplexity will go up or down, by how much, and how many real words the model will
                write; the result then appears beside the prediction. The quiz &ldquo;Which text is generation
                0?&rdquo; deals three unlabelled texts. Answers stay in this browser; nothing is sent
                anywhere.
              </dd>
            </div>
            <div>
              <dt>The class as the filter</dt>
              <dd>
                With <em>Let the class choose what enters the corpus</em> on, each generation shows six of its
                documents; what the class discards never enters, and the model&rsquo;s next documents fill the
                rest, as without the class. Afterwards, run the same seed without the class&rsquo;s choices
                and compare.
              </dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="ex-about-presets">
          <h3 id="ex-about-presets">What the presets reproduce</h3>
          <table className="ex-presets">
            <thead>
              <tr>
                <th scope="col">Preset</th>
                <th scope="col">What it shows</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {PRESETS.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{p.description}</td>
                  <td>{p.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Dialog>
  );
}
