/**
 * What the page says about the class's choice, in words a class reads aloud. Pure: tested in
 * Node.
 */
import type { ClassFilterRecord } from '../../../engine/loop/class-review';

const num = (n: number) => n.toLocaleString('en-US');
const chars = (n: number) => `${num(n)} character${n === 1 ? '' : 's'}`;

/** "You kept 4 of 6; the other 1,388 characters are the model's next documents, as without the class." */
export function choiceSummary(record: ClassFilterRecord): string {
  const { offered, kept, keptChars, filledChars } = record;
  const total = keptChars + filledChars;
  if (kept === 0)
    return `You kept none of ${offered}; all ${chars(total)} are the model's next documents, as without the class.`;
  const youKept = kept === offered ? `You kept all ${offered}` : `You kept ${kept} of ${offered}`;
  if (filledChars === 0) return `${youKept}; they fill all ${chars(total)} this generation writes back.`;
  return `${youKept}; the other ${chars(filledChars)} are the model's next documents, as without the class.`;
}

/** The button that sends the choice: "Continue with these 4" (or "with none of them"). */
export function continueLabel(kept: number, offered: number): string {
  if (kept === 0) return 'Continue with none of them';
  if (kept === offered) return `Continue with all ${offered}`;
  return `Continue with these ${kept}`;
}

/** Said to a screen reader when the run stops for the class. */
export function reviewAnnouncement(generation: number, offered: number): string {
  return `Generation ${generation}'s text is ready: keep or discard its first ${offered} documents, then continue.`;
}
