/**
 * Settings that pass the schema one by one but cannot work together: a warm-up longer than the
 * training, a top-k that keeps the whole vocabulary, a training sample smaller than one context
 * window, budgets larger than the user's text, a context longer than any document: each gets its
 * reason in words and is either refused (the run cannot start), adjusted (the value the run will
 * use instead, in the returned config or, for the corpus split, by the loop), or noted (it works,
 * but not as the numbers suggest). The CLI prints these; the settings panel lists them.
 */
import { MODEL_SIZES } from '../model/shape';
import { DEFAULT_MAX_SYMBOLS, EOD_LABEL, UNK_LABEL } from '../text/vocabulary';
import { simulationConfigSchema, type SimulationConfig } from './schema';

export interface CorpusFacts {
  /** Characters of the user's documents (the corpus is the user's text), as the loop counts them. */
  userChars?: number;
  /** Length of the user's longest document, in characters. */
  longestDocument?: number;
  /** Symbols in the vocabulary (end mark and unknown included), when the text is known. */
  vocabularySize?: number;
}

export interface ConfigIssue {
  /** Dotted path of the setting the reason belongs to (the field that shows it). */
  field: string;
  /** refused: the run cannot start; adjusted: the run uses another value; note: it runs as set. */
  kind: 'refused' | 'adjusted' | 'note';
  message: string;
}

export interface ContradictionCheck {
  /** false when an issue is a refusal. */
  ok: boolean;
  /** The settings with every adjustment applied: what the run will use. */
  config: SimulationConfig;
  issues: ConfigIssue[];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/**
 * Symbols buildVocabulary would give these documents, counted without building it: one pass of
 * charCodeAt over up to 5,000,000 characters, so the page can afford it on every new text.
 */
function vocabularySizeOf(documents: readonly string[]): number {
  const seen = new Uint8Array(0x10000);
  const astral = new Set<number>();
  let distinct = 0;
  for (const doc of documents) {
    for (let i = 0; i < doc.length; i++) {
      const code = doc.charCodeAt(i);
      const next = doc.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        astral.add(((code - 0xd800) << 10) + (next - 0xdc00));
        i++;
      } else if (seen[code] === 0) {
        seen[code] = 1;
        distinct++;
      }
    }
  }
  // The two labels are reserved symbols, never characters of the text (buildVocabulary drops them).
  for (const label of [EOD_LABEL, UNK_LABEL]) if (seen[label.charCodeAt(0)] === 1) distinct--;
  return Math.min(distinct + astral.size, DEFAULT_MAX_SYMBOLS - 2) + 2;
}

/**
 * Facts about the user's documents that the checks need (lengths as the loop counts them). The
 * vocabulary is one pass over every character (~0.1 s for 5,000,000): only top-k needs it, so a
 * caller on the page's thread may leave it out while top-k is off.
 */
export function userCorpusFacts(
  documents: readonly string[],
  options: { vocabulary?: boolean } = {},
): CorpusFacts {
  let userChars = 0;
  let longestDocument = 0;
  for (const doc of documents) {
    userChars += doc.length;
    longestDocument = Math.max(longestDocument, doc.length);
  }
  if (options.vocabulary === false) return { userChars, longestDocument };
  return { userChars, longestDocument, vocabularySize: vocabularySizeOf(documents) };
}

/** The held-out and real budgets the loop will use: shrunk in proportion when the user's text is smaller (prepareCorpus). */
function corpusBudgets(
  config: SimulationConfig,
  facts: CorpusFacts,
): { heldOut: number; real: number; scaled: boolean } {
  const { heldOutChars, realChars } = config.corpus;
  const available = facts.userChars;
  if (config.corpus.source !== 'user' || available === undefined || available >= heldOutChars + realChars) {
    return { heldOut: heldOutChars, real: realChars, scaled: false };
  }
  const heldOut = Math.floor(heldOutChars * (available / (heldOutChars + realChars)));
  return { heldOut, real: available - heldOut, scaled: true };
}

/** Checks a schema-valid config against itself and, when known, the corpus it will run on. */
export function checkContradictions(input: SimulationConfig, facts: CorpusFacts = {}): ContradictionCheck {
  const config: SimulationConfig = structuredClone(input);
  const issues: ConfigIssue[] = [];
  const say = (field: string, kind: ConfigIssue['kind'], message: string): void => {
    issues.push({ field, kind, message });
  };
  const transformer = config.model.family === 'transformer';
  const context = MODEL_SIZES[config.model.size].contextLength;
  const sizeName = `the ${config.model.size} model`;
  const userText = config.corpus.source === 'user';

  const budgets = corpusBudgets(config, facts);
  if (budgets.scaled) {
    say(
      'corpus.realChars',
      'adjusted',
      `Your text has ${fmt(facts.userChars ?? 0)} characters, fewer than the ${fmt(config.corpus.heldOutChars)} held out plus ${fmt(config.corpus.realChars)} real asked for: ${fmt(budgets.heldOut)} will be held out for measuring and ${fmt(budgets.real)} form the real corpus.`,
    );
  }
  const n0 = budgets.real;

  // Both sides of every distribution metric are samples of the same size: generated text cannot
  // be measured on more characters than the held-out text offers.
  const evaluation = config.evaluation.sampleChars;
  if (evaluation > budgets.heldOut) {
    const smallest = simulationConfigSchema.shape.evaluation.shape.sampleChars.minValue ?? 0;
    config.evaluation.sampleChars = Math.max(smallest, budgets.heldOut);
    say(
      'evaluation.sampleChars',
      'adjusted',
      `The evaluation sample (${fmt(evaluation)} characters) is larger than the held-out text (${fmt(budgets.heldOut)} characters), and generated text is measured on as many characters as the real text it is compared with: every generation is measured on ${fmt(budgets.heldOut)} characters.`,
    );
  }

  if (transformer && config.training.warmupSteps > config.training.steps) {
    say(
      'training.warmupSteps',
      'adjusted',
      `The warm-up (${fmt(config.training.warmupSteps)} steps) is longer than the training (${fmt(config.training.steps)} steps), so the learning rate would never reach its set value: warm-up shortened to ${fmt(config.training.steps)} steps.`,
    );
    config.training.warmupSteps = config.training.steps;
  }

  const vocabulary = facts.vocabularySize ?? DEFAULT_MAX_SYMBOLS;
  if (config.decoding.topK >= vocabulary) {
    const whose =
      facts.vocabularySize === undefined
        ? `a vocabulary (at most ${fmt(vocabulary)} symbols)`
        : `the text's vocabulary (${fmt(vocabulary)} symbols)`;
    say(
      'decoding.topK',
      'adjusted',
      `Top-k ${fmt(config.decoding.topK)} is at least the size of ${whose}, so it keeps every symbol: treated as 0 (no limit).`,
    );
    config.decoding.topK = 0;
  }

  if (transformer && config.runs > 1) {
    say(
      'runs',
      'adjusted',
      `Several runs side by side are for the count model; a transformer run trains one seed: runs set to 1.`,
    );
    config.runs = 1;
  }

  const sampled = config.paradigm === 'accumulate-subsample' || config.paradigm === 'fresh-data';
  const sample = config.trainingSample * n0;
  if (transformer && sampled && sample < context + 1) {
    const needed = Math.ceil(((context + 1) / n0) * 100) / 100;
    say(
      'trainingSample',
      'refused',
      `Each model would train on ${fmt(sample)} characters (${pct(config.trainingSample)} of ${fmt(n0)}), fewer than one window of ${sizeName}'s context (${fmt(context + 1)} characters). Raise the training sample to at least ${pct(needed)} or choose a smaller model.`,
    );
  } else if (sampled && config.trainingSample > 1) {
    const growth =
      config.contamination * n0 + (config.paradigm === 'fresh-data' ? config.freshShare * n0 : 0);
    const until = Math.ceil((sample - n0) / growth);
    say(
      'trainingSample',
      'note',
      `The training sample (${fmt(sample)} characters, ${pct(config.trainingSample)} of the real text) is larger than the corpus at first (${fmt(n0)} characters, growing by ${fmt(growth)} a generation): the first ${fmt(until)} generation${until === 1 ? '' : 's'} train on the whole corpus instead.`,
    );
  }

  if (config.paradigm === 'fresh-data' && config.freshShare > 0) {
    const perGeneration = config.freshShare * n0;
    const reserve =
      userText && facts.userChars !== undefined
        ? Math.max(0, facts.userChars - budgets.heldOut - budgets.real)
        : 5_000_000;
    const lasts = Math.floor(reserve / perGeneration);
    if (lasts < config.generations) {
      const where = userText ? 'your text has' : 'the built-in corpus provides at most';
      say(
        'freshShare',
        'note',
        `Fresh real text runs out after ${fmt(lasts)} of ${fmt(config.generations)} generations: ${where} ${fmt(reserve)} characters beyond the held-out and real parts, and each generation takes ${fmt(perGeneration)}. Later generations get no fresh text.`,
      );
    }
  }

  if (config.paradigm === 'replace' && config.contamination > 1) {
    say(
      'contamination',
      'note',
      `Under replace the corpus keeps its size, so at most all of it can be swapped out: at ${pct(config.contamination)}, each generation replaces the whole corpus with ${pct(config.contamination)} of its size in generated text.`,
    );
  }

  if (transformer && facts.longestDocument !== undefined && userText && facts.longestDocument < context) {
    say(
      'model.size',
      'note',
      `${sizeName[0].toUpperCase()}${sizeName.slice(1)} reads ${fmt(context)} characters at a time, but your longest document has ${fmt(facts.longestDocument)}: each window spans several documents (with an end mark between them), so it trains, but nothing longer than a document can be learnt. Separate paragraphs less, or choose a smaller model.`,
    );
  }
  if (transformer && config.sampling.maxLength < context) {
    say(
      'sampling.maxLength',
      'note',
      `Generated documents stop at ${fmt(config.sampling.maxLength)} characters, shorter than ${sizeName}'s context (${fmt(context)}): once the corpus is mostly generated, no generated document fills a context window any more.`,
    );
  }

  return { ok: issues.every((i) => i.kind !== 'refused'), config, issues };
}

/** One line per issue, for the CLI and for logs: "trainingSample: Each model would ...". */
export function describeIssues(issues: readonly ConfigIssue[]): string[] {
  return issues.map((i) => `${i.field}: ${i.message}`);
}
