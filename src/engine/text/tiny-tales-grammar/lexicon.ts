/**
 * Word lists for the tiny-tales grammar. Kept apart from the sentence templates so a reader can
 * grow the vocabulary without touching the story logic. Every entry uses only letters, spaces and
 * apostrophes, so the corpus stays within a small character set (a char-level model needs well
 * under 70 symbols for it).
 *
 * Words that start with a vowel letter but a consonant sound ("unicorn", "hour") are left out on
 * purpose: the grammar picks "a" or "an" from the first letter.
 */

export type Pronoun = 'he' | 'she';

export interface CharacterKind {
  /** The noun, e.g. "little girl" or "bunny". */
  readonly kind: string;
  /** Fixed for people ("girl" is she); undefined means either, drawn per story. */
  readonly pronoun?: Pronoun;
}

// prettier-ignore
export const GIRL_NAMES = [
  'Lily', 'Mia', 'Sue', 'Anna', 'Lucy', 'Emma', 'Rosa', 'Zoe', 'Kim', 'Ella', 'Amy', 'Nora',
  'Ruby', 'Daisy', 'Sara', 'Maya', 'Ivy', 'Hana', 'Lola', 'Jane',
] as const;

// prettier-ignore
export const BOY_NAMES = [
  'Tom', 'Ben', 'Max', 'Sam', 'Leo', 'Jack', 'Tim', 'Omar', 'Finn', 'Joe', 'Noah', 'Leon', 'Ravi',
  'Eli', 'Dan', 'Milo', 'Ted', 'Luke', 'Kai', 'Bob',
] as const;

/** Names that suit animals, toys and other small creatures. */
// prettier-ignore
export const PET_NAMES = [
  'Spot', 'Pip', 'Fluffy', 'Bubbles', 'Coco', 'Sunny', 'Buddy', 'Whiskers', 'Pebble', 'Button',
  'Honey', 'Dot', 'Rusty', 'Twinkle', 'Biscuit', 'Ziggy', 'Muffin', 'Peanut', 'Shadow', 'Tiny',
] as const;

export const PEOPLE: readonly CharacterKind[] = [
  { kind: 'little girl', pronoun: 'she' },
  { kind: 'girl', pronoun: 'she' },
  { kind: 'little boy', pronoun: 'he' },
  { kind: 'boy', pronoun: 'he' },
];

// prettier-ignore
export const ANIMALS: readonly CharacterKind[] = [
  'bunny', 'cat', 'dog', 'bear', 'fox', 'duck', 'frog', 'bird', 'mouse', 'owl', 'pig', 'lion',
  'turtle', 'squirrel', 'puppy', 'kitten', 'elephant', 'horse', 'cow', 'sheep', 'monkey', 'tiger',
  'fish', 'bee', 'ladybug', 'dragon', 'robot', 'hen', 'goat', 'deer',
].map((kind) => ({ kind }));

/** Adjectives that describe a character. */
// prettier-ignore
export const CHARACTER_ADJECTIVES = [
  'little', 'happy', 'kind', 'curious', 'brave', 'shy', 'silly', 'friendly', 'small', 'clever',
  'gentle', 'playful', 'sleepy', 'cheerful', 'funny', 'quiet', 'busy', 'proud', 'helpful', 'young',
] as const;

/** Adjectives that describe an object or a place. */
// prettier-ignore
export const THING_ADJECTIVES = [
  'shiny', 'red', 'blue', 'green', 'yellow', 'pink', 'purple', 'big', 'soft', 'old', 'new',
  'bright', 'round', 'striped', 'pretty', 'sparkly', 'tiny', 'warm', 'orange', 'golden',
] as const;

// prettier-ignore
export const PLACES = [
  'park', 'forest', 'garden', 'beach', 'farm', 'town', 'meadow', 'pond', 'hill', 'school', 'zoo',
  'village', 'field', 'river', 'lake', 'woods', 'playground', 'market', 'library', 'jungle',
] as const;

/** Homes: where a character lives (people and animals live in different ones). */
export const PEOPLE_HOMES = ['house', 'tree house', 'cottage', 'castle', 'tent', 'hut', 'farmhouse'] as const;
export const ANIMAL_HOMES = ['nest', 'barn', 'cave', 'hole', 'burrow', 'den', 'log', 'house'] as const;

/** Objects a character can own, lose, share or break. */
// prettier-ignore
export const THINGS = [
  'ball', 'kite', 'hat', 'doll', 'book', 'drum', 'cup', 'toy car', 'teddy bear', 'box', 'balloon',
  'shell', 'key', 'bell', 'crayon', 'scarf', 'boat', 'sock', 'spoon', 'rock', 'flower', 'ring',
  'blanket', 'bucket', 'whistle', 'map', 'basket', 'truck', 'puzzle', 'feather', 'apple', 'egg',
  'umbrella', 'acorn', 'button', 'bike', 'coat', 'leaf', 'stick', 'star',
] as const;

/** Places an object can hide: "under the bed". */
// prettier-ignore
export const HIDING_SPOTS = [
  'bed', 'table', 'chair', 'rug', 'big rock', 'old log', 'bush', 'door', 'pillow', 'bench', 'sofa',
  'bridge', 'tree', 'fence', 'wagon', 'stairs',
] as const;

// prettier-ignore
export const FOODS = [
  'cake', 'cookies', 'apples', 'honey', 'soup', 'bread', 'carrots', 'pie', 'milk', 'berries',
  'ice cream', 'cheese', 'jam', 'pancakes', 'candy', 'nuts', 'pears', 'grapes', 'corn', 'rice',
] as const;

/** Things to do, as a bare verb phrase: "She loved to ___". */
// prettier-ignore
export const ACTIVITIES = [
  'play outside', 'run in the grass', 'sing songs', 'dance', 'jump in puddles', 'draw pictures',
  'read books', 'climb trees', 'build with blocks', 'look at the stars', 'pick flowers',
  'splash in the water', 'fly a kite', 'bake cookies', 'play hide and seek', 'ride a bike',
  'swim in the pond', 'paint', 'chase butterflies', 'help {pos} {family}', 'count the clouds',
  'play with {pos} friends', 'dig in the sand', 'listen to the birds', 'roll down the hill',
] as const;

export const HAPPY_FEELINGS = ['happy', 'glad', 'excited', 'proud', 'thankful', 'joyful'] as const;
export const SAD_FEELINGS = ['sad', 'upset', 'worried', 'scared', 'lonely', 'grumpy', 'angry'] as const;

/** Weather and time-of-day scenery sentences, used to colour a story. */
// prettier-ignore
export const SCENERY = [
  'The sun was warm and the sky was blue.', 'It was a cold and windy morning.',
  'The birds were singing in the trees.', 'Soft white snow covered the ground.',
  'The wind made the leaves dance.', 'It was a bright and sunny day.',
  'Big gray clouds filled the sky.', 'The flowers smelled sweet.',
] as const;

/** Interjections that open a line of dialogue, for good news and for trouble. */
export const JOY_EXCLAMATIONS = ['Wow', 'Yay', 'Hooray', 'Look', 'Oh my', 'Yippee'] as const;
export const WORRY_EXCLAMATIONS = ['Oh no', 'Oh dear', 'Help', 'Uh oh'] as const;

/** Verbs of speech for a plain statement in quotes. */
export const SAY_VERBS = ['said', 'whispered', 'replied', 'smiled and said', 'said softly'] as const;

/** Family a character can turn to for help, with the pronoun that goes with each. */
export const FAMILY: readonly { readonly who: string; readonly pronoun: Pronoun }[] = [
  { who: 'mom', pronoun: 'she' },
  { who: 'dad', pronoun: 'he' },
  { who: 'grandma', pronoun: 'she' },
  { who: 'grandpa', pronoun: 'he' },
  { who: 'big sister', pronoun: 'she' },
  { who: 'big brother', pronoun: 'he' },
  { who: 'aunt', pronoun: 'she' },
  { who: 'uncle', pronoun: 'he' },
];

/** Ages written out; the grammar rarely writes one as a digit, so digits stay rare. */
export const AGES = ['three', 'four', 'five', 'six', 'seven'] as const;
