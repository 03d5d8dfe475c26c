/** The walkthrough: a few steps, each pointing at one region of the page (a CSS selector). */
export interface TourStep {
  title: string;
  text: string;
  /** The region it points at. */
  target: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Settings',
    target: '[data-tour="settings"]',
    text: 'Pick a preset: each one reproduces a published result. Or choose yourself how much generated text goes back into the corpus each generation.',
  },
  {
    title: 'Play',
    target: '[data-tour="play"]',
    text: 'Press Play (or Space). Each generation trains a fresh model on the corpus, lets it write, and mixes its text back in.',
  },
  {
    title: 'Perplexity',
    target: '[data-chart="perplexity"] > figure',
    text: 'How surprised each model is by real text it never saw. If it climbs toward the dashed line, the models are becoming no better than an untrained one.',
  },
  {
    title: 'Samples',
    target: '[data-tour="samples"]',
    text: 'Read what each generation writes, beside real text and from the same prompts: collapse shows as repetition and lost words.',
  },
  {
    title: 'Words that died',
    target: '[data-tour="lessons"]',
    text: 'Below the samples: the real words no model writes any more, rarest first, the shrinking Zipf tail, and how the first model reads each generation’s text. A classroom link adds predictions, a quiz and letting the class choose what enters the corpus.',
  },
  {
    title: 'Theory',
    target: '#tab-theory',
    text: 'The Theory tab runs a simple counting model over many seeds in a second, with the paper’s formulas drawn beside it.',
  },
];
