/**
 * Builds one tiny-tales story: draws a cast and props, walks the beats of templates.ts, and fills
 * the slots. Pure string work with one seeded stream, so a story costs microseconds and the same
 * stream always tells the same story.
 */
import type { Rng } from '../../rng';
import * as L from './lexicon';
import * as T from './templates';
import type { Template } from './templates';

type Slots = Record<string, string>;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** Two different items (lists here always hold at least two). */
function pickTwo<T>(rng: Rng, items: readonly T[]): [T, T] {
  const i = rng.int(items.length);
  const j = (i + 1 + rng.int(items.length - 1)) % items.length;
  return [items[i], items[j]];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const PRONOUNS = {
  he: { pro: 'he', pos: 'his', obj: 'him' },
  she: { pro: 'she', pos: 'her', obj: 'her' },
} as const;

interface Character {
  name: string;
  kind: string;
  pronoun: L.Pronoun;
  animal: boolean;
}

function drawCharacter(rng: Rng, avoidName: string): Character {
  const animal = rng.next() < 0.55;
  const kind = animal ? pick(rng, L.ANIMALS) : pick(rng, L.PEOPLE);
  const pronoun = kind.pronoun ?? (rng.next() < 0.5 ? 'he' : 'she');
  let names: readonly string[] = pronoun === 'she' ? L.GIRL_NAMES : L.BOY_NAMES;
  if (animal && rng.next() < 0.6) names = L.PET_NAMES;
  let name = pick(rng, names);
  while (name === avoidName) name = pick(rng, names);
  return { name, kind: kind.kind, pronoun, animal };
}

/** Matches a slot: "{hero}", "{Pro}". */
const SLOT = /\{([A-Za-z0-9]+)\}/g;

/**
 * Fills a template's slots. A capitalised slot name is the lower-case slot capitalised. A missing
 * slot is a bug in the grammar, so it throws rather than print "{oops}" into the corpus.
 */
function fill(sentence: string, slots: Slots): string {
  return sentence.replace(SLOT, (_whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = slots[key] ?? slots[lower];
    if (value === undefined) throw new Error(`tiny-tales grammar: no slot {${key}}`);
    return key === lower ? value : capitalize(value);
  });
}

/** "a apple" -> "an apple": the lexicon avoids words where the letter misleads ("a unicorn"). */
const ARTICLE = /\b([Aa]) (?=[aeiou])/g;

function render(templates: readonly Template[], slots: Slots): string[] {
  return templates.flatMap((template) => template.map((sentence) => fill(sentence, slots)));
}

/** One story, a single document with no blank line inside (at most one line break). */
export function tellStory(rng: Rng): string {
  const hero = drawCharacter(rng, '');
  const plot = pick(rng, T.PLOTS);
  // The sharing plot needs a friend to share with; other plots may call on family instead.
  const familyHelps = !plot.selfHelped && rng.next() < 0.3;
  const friend = drawCharacter(rng, hero.name);
  const family = pick(rng, L.FAMILY);
  const helperPronoun = familyHelps ? family.pronoun : friend.pronoun;
  const heroWords = PRONOUNS[hero.pronoun];
  const helperWords = PRONOUNS[helperPronoun];
  const [spot, spot2] = pickTwo(rng, L.HIDING_SPOTS);
  const [heroAdj, heroAdj2, heroAdj3] = rng.shuffle([...L.CHARACTER_ADJECTIVES]);
  // An age is written as a digit once in a while, so digits exist in the corpus but stay rare.
  const age = rng.next() < 0.15 ? String(3 + rng.int(5)) : pick(rng, L.AGES);

  const slots: Slots = {
    hero: hero.name,
    heroKind: hero.kind,
    heroAdj,
    heroAdj2,
    heroAdj3,
    pro: heroWords.pro,
    pos: heroWords.pos,
    obj: heroWords.obj,
    helper: familyHelps ? `${heroWords.pos} ${family.who}` : friend.name,
    helperKind: friend.kind,
    helperAdj: pick(rng, L.CHARACTER_ADJECTIVES),
    hpro: helperWords.pro,
    hpos: helperWords.pos,
    hobj: helperWords.obj,
    family: pick(rng, L.FAMILY).who,
    home: hero.animal ? pick(rng, L.ANIMAL_HOMES) : pick(rng, L.PEOPLE_HOMES),
    homeAdj: pick(rng, L.THING_ADJECTIVES),
    place: pick(rng, L.PLACES),
    thing: pick(rng, L.THINGS),
    thingAdj: pick(rng, L.THING_ADJECTIVES),
    spot,
    spot2,
    food: pick(rng, L.FOODS),
    animal: pick(rng, L.ANIMALS).kind,
    sad: pick(rng, L.SAD_FEELINGS),
    happy: pick(rng, L.HAPPY_FEELINGS),
    lesson: pick(rng, plot.lessons),
    joy: pick(rng, L.JOY_EXCLAMATIONS),
    worry: pick(rng, L.WORRY_EXCLAMATIONS),
    say: pick(rng, L.SAY_VERBS),
    age,
  };
  // Activities hold slots of their own ("help {pos} {family}").
  slots.activity = fill(pick(rng, L.ACTIVITIES), slots);

  const body: Template[] = [pick(rng, T.OPENINGS)];
  if (rng.next() < T.SCENERY_CHANCE) body.push([pick(rng, L.SCENERY)]);
  const [setupA, setupB] = pickTwo(rng, T.SETUPS);
  body.push(setupA);
  if (rng.next() < 0.25) body.push(setupB);
  body.push(pick(rng, plot.start), pick(rng, plot.feel));
  if (!plot.selfHelped) body.push(pick(rng, familyHelps ? T.FAMILY_HELP : T.FRIEND_HELP));
  body.push(pick(rng, plot.resolve));

  // Endings: happy, a lesson, or both; "best friends" only when the helper is a friend.
  const ending: Template[] = [];
  const kind = rng.int(3);
  if (kind !== 1) ending.push(pick(rng, T.HAPPY_ENDINGS));
  if (kind !== 0) ending.push(pick(rng, T.LESSON_ENDINGS));
  const closings = familyHelps ? T.CLOSINGS.filter((c) => !c[0].includes('best friends')) : T.CLOSINGS;
  if (rng.next() < 0.3) ending.push(pick(rng, closings));

  const separator = rng.next() < 0.2 ? '\n' : ' ';
  const story = render(body, slots).join(' ') + separator + render(ending, slots).join(' ');
  return story.replace(ARTICLE, '$1n ');
}
