/** The paper's argument in plain words, for students. */
export function TheoryExplainer() {
  return (
    <section className="theory-explainer" aria-labelledby="theory-explainer-title">
      <h3 id="theory-explainer-title">The argument, in plain words</h3>
      <p>
        This is our reconstruction of Wang et al. 2024 (&ldquo;Theoretical proof that generated text in the
        corpus leads to the collapse of auto-regressive language models&rdquo;). Think of the Web as a corpus
        that starts as a finite pile of human text: each generation a new model learns from the corpus, and
        some of what it writes is added back to it. Unless fresh human text keeps arriving, the human share of
        the corpus shrinks toward zero for any amount written back, a thousandth of the corpus each time as
        surely as all of it. Each model&rsquo;s small errors are then built on by the next instead of being
        corrected by real text, so the models drift away from real language until they repeat themselves.
        Writing back less only slows this down: collapse arrives later, but it arrives. What protects the
        models is the quality of their data (fresh human text, errors with no systematic bias), not a smaller
        amount of generated text.
      </p>
      <p className="theory-model-note">
        The models here are the simplest language models there are: character frequency counts (a unigram
        count model), refitted each generation, whose laws are exact, so thousands of generations take seconds
        and the formulas can be checked against them.
      </p>
    </section>
  );
}
