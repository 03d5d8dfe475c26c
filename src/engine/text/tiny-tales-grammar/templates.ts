/**
 * Sentence templates of the tiny-tales grammar. A story is: an opening, one or two setup lines,
 * a problem (one of several plots), someone who helps (often in dialogue), the plot's resolution,
 * and an ending (happy, a lesson, or both). Each beat lists alternatives; a template is an array
 * of sentences read in order.
 *
 * Slots in braces are filled per story (see story.ts): {hero}, {pro} (he/she), {pos} (his/her),
 * {obj} (him/her), the same for the helper ({helper}, {hpro}, {hpos}, {hobj}), {thing}, {place},
 * and so on. A slot written with a capital ({Pro}) is the same word capitalised, for the start of a
 * sentence. Plots are paired with their own resolutions so a lost kite is found, not fixed.
 */

export type Template = readonly string[];

export const OPENINGS: readonly Template[] = [
  ['Once upon a time, there was a {heroAdj} {heroKind} named {hero}.'],
  ['Once upon a time, in a {homeAdj} {home} near the {place}, there lived a {heroKind} called {hero}.'],
  ['One day, a {heroAdj} {heroKind} named {hero} went to the {place}.'],
  ['There was once a {heroKind} named {hero} who lived in a {homeAdj} {home}.'],
  ['{hero} was a {heroAdj} {heroKind} who lived near the {place}.'],
  ['Long ago, a {heroAdj} {heroKind} named {hero} lived in a {home} by the {place}.'],
  ['Once upon a time, {hero} the {heroKind} lived in a {homeAdj} {home}.'],
];

export const SETUPS: readonly Template[] = [
  ['{Pro} loved to {activity}.'],
  ['{Pro} liked to {activity} every day.'],
  ['{Pos} favorite thing was a {thingAdj} {thing}.'],
  ['Every morning, {hero} would {activity} with {pos} {family}.'],
  ['{hero} had a {thingAdj} {thing} that {pro} took everywhere.'],
  ['{hero} was {age} years old, and {pro} was very {heroAdj2}.'],
  ['{Pro} was {heroAdj2}, but sometimes {pro} was a little {heroAdj3}.'],
];

export const SCENERY_CHANCE = 0.2;

/** What goes wrong, a line on how the hero feels, and the matching ways it is put right. */
export interface Plot {
  readonly start: readonly Template[];
  readonly feel: readonly Template[];
  /** True when the plot brings the friend in itself (sharing), so no separate help beat. */
  readonly selfHelped?: boolean;
  readonly resolve: readonly Template[];
  /** Completes "learned that ___": lessons that fit this plot. */
  readonly lessons: readonly string[];
}

const SAD_LINES: readonly Template[] = [
  ['{hero} felt very {sad}.'],
  ['{Pro} sat down and began to cry.'],
  ['{hero} was {sad} because {pro} did not know what to do.'],
  ['"{worry}!" said {hero}. "What can I do?"'],
];

export const PLOTS: readonly Plot[] = [
  {
    // lost
    start: [
      [
        'One day, {hero} could not find {pos} {thing}.',
        '{Pro} looked under the {spot} and behind the {spot2}, but it was not there.',
      ],
      ['One morning, {pos} {thing} was gone!', '"Where is my {thing}?" {pro} asked.'],
      ['{hero} took {pos} {thing} to the {place}, but on the way home {pro} lost it.'],
    ],
    feel: SAD_LINES,
    resolve: [
      ['They looked high and low.', 'At last, {helper} found the {thing} under the {spot}.'],
      [
        'They searched the whole {place} together.',
        'Then {hero} saw something {thingAdj} under the {spot}. It was the {thing}!',
      ],
      [
        'So they went back to the {place}.',
        'There, next to the {spot}, was the {thing}!',
        '"{joy}!" shouted {hero}.',
      ],
    ],
    lessons: [
      'it is okay to ask for help',
      'friends help each other',
      'you should take good care of your things',
      'it is good to keep looking and not give up',
    ],
  },
  {
    // stuck
    start: [
      [
        'One windy day, {pos} {thing} flew up into a tall tree.',
        '"{worry}!" cried {hero}. "How will I get it down?"',
      ],
      [
        'One day, {hero} was playing with {pos} {thing} near the {place}.',
        'The {thing} rolled away and got stuck in the mud.',
      ],
    ],
    feel: SAD_LINES,
    resolve: [
      ['{Helper} had an idea.', '{Hpro} found a long stick and gently pulled the {thing} free.'],
      ['Together they pushed and pulled until the {thing} came loose.'],
    ],
    lessons: [
      'it is okay to ask for help',
      'two friends can do more than one',
      'a good idea can fix a big problem',
    ],
  },
  {
    // fear
    start: [
      ['One night, {hero} heard a strange noise outside {pos} {home}.', '{Pro} was too scared to look.'],
      ['{hero} wanted to go into the dark {place}, but {pro} was afraid.'],
    ],
    feel: [['{Pro} did not want to go alone.'], ['{Pos} legs were shaking.']],
    resolve: [
      [
        'They held hands and went to look, step by step.',
        'It was only a little {animal} looking for {food}!',
        'They all laughed.',
      ],
      ['{Helper} sang a song as they walked, so {hero} did not feel scared.', 'It was not so bad after all.'],
    ],
    lessons: [
      'being brave is easier with a friend',
      'things are not so scary when you look closely',
      'it is okay to feel scared sometimes',
    ],
  },
  {
    // sharing
    start: [
      [
        'One day, {helper} the {helperKind} came to play.',
        "{Hpro} wanted to play with {hero}'s {thing}.",
        '"No, it is mine!" said {hero}.',
      ],
      ['{helper} asked, "Can I try your {thing}, please?"', 'But {hero} held it tight and said, "No!"'],
    ],
    feel: [
      ['{helper} felt {sad} and walked away.'],
      ['{helper} looked at the ground and did not say a word.'],
    ],
    selfHelped: true,
    resolve: [
      [
        '{hero} thought about it for a long time.',
        'Then {pro} ran after {helper} and said, "I am sorry. You can play with my {thing}."',
        '{helper} smiled and said, "Thank you!"',
      ],
      [
        'Soon {hero} felt bad, so {pro} gave the {thing} to {helper}.',
        'They took turns, and it was much more fun.',
      ],
    ],
    lessons: [
      'sharing makes everyone happy',
      'friends are more important than toys',
      'you should say sorry when you make a mistake',
      'taking turns is fair and fun',
    ],
  },
  {
    // broken
    start: [
      ['One day, {hero} dropped {pos} {thing} and it broke.'],
      ['{hero} was running too fast, and {pos} {thing} fell and cracked.'],
    ],
    feel: SAD_LINES,
    resolve: [
      [
        '"We can fix it together," said {helper}.',
        'They worked slowly and carefully.',
        'Soon the {thing} was as good as new.',
      ],
      ['{Helper} brought some glue and a little tape.', 'It took a long time, but they fixed the {thing}.'],
    ],
    lessons: [
      'you should be careful with your things',
      'it is good to fix things instead of giving up',
      'you should say sorry when you make a mistake',
    ],
  },
  {
    // a goal that is too hard alone
    start: [
      ['{hero} wanted to reach the {food} on the top shelf, but {pro} was too small.'],
      ['{hero} wanted to win the big race at the {place}.', 'But {pro} fell down and hurt {pos} knee.'],
      ['{hero} wanted to build the tallest tower at the {place}, but it kept falling down.'],
    ],
    feel: [['{Pro} felt {sad} and wanted to give up.'], ['"Why is this so hard?" asked {hero}.']],
    resolve: [
      ['{Helper} said, "Do not give up! Let us try again."', 'They tried again, and this time it worked!'],
      [
        '{Helper} helped {obj} up and said, "You can do it!"',
        '{hero} tried one more time, and {pro} did it!',
      ],
    ],
    lessons: [
      'it is good to try again when things are hard',
      'a little patience goes a long way',
      'it is okay to ask for help',
    ],
  },
  {
    // rain
    start: [
      [
        '{hero} went to the {place} to {activity}.',
        'Suddenly, big drops of rain began to fall.',
        '"What should I do?" asked {hero}.',
      ],
    ],
    feel: [['{Pro} was cold and wet.'], ['{Pos} {thing} was all wet, too.']],
    resolve: [
      ['They ran under a big tree and waited.', 'Soon the sun came out and they saw a rainbow!'],
      ['{Helper} shared a big {thingAdj} umbrella, so they walked home and stayed dry.'],
    ],
    lessons: [
      'being kind is the best thing of all',
      'after the rain comes the sun',
      'it is good to share with a friend',
    ],
  },
];

/** How the helper comes in, when the helper is the friend. */
export const FRIEND_HELP: readonly Template[] = [
  [
    'Just then, {helper} the {helperKind} came by.',
    '"Why are you so {sad}?" asked {helper}.',
    '"Can you help me?" said {hero}.',
  ],
  ['{Pos} friend {helper} saw {obj} and came over.', '"What is wrong, {hero}?" {hpro} asked.'],
  [
    'A {helperAdj} {helperKind} named {helper} heard {obj}.',
    '"Do not worry, I will help you," {helper} {say}.',
  ],
];

/** How the helper comes in, when the helper is family ("her mom"). */
export const FAMILY_HELP: readonly Template[] = [
  ['{hero} ran home to {helper}.', '{Helper} gave {obj} a big hug and said, "We can do this together."'],
  [
    '{Helper} saw that {hero} was {sad}.',
    '"What happened?" {hpro} asked, and {hero} told {hobj} everything.',
  ],
];

export const HAPPY_ENDINGS: readonly Template[] = [
  ['{hero} was so {happy}!'],
  ['{hero} and {helper} played until the sun went down.'],
  ['It was the best day ever!'],
  ['{hero} was {happy} because {helper} had helped {obj}.'],
  ['"Thank you," said {hero}, and {pro} gave {helper} a big hug.'],
  ['It was getting dark, so they went home and had some {food}.'],
];

export const LESSON_ENDINGS: readonly Template[] = [
  ['{hero} learned that {lesson}.'],
  ['That day, {hero} learned that {lesson}.'],
  ['Now {hero} knew that {lesson}.'],
];

export const CLOSINGS: readonly Template[] = [
  ['And they lived happily ever after.'],
  ['The end.'],
  ['From that day on, {hero} and {helper} were best friends.'],
  ['What a wonderful day it was!'],
];
