/**
 * Per-symbol extinction across generations.
 *
 * Definition: a real symbol (character, character bigram or word of the held-out text) is
 * extinct at generation g when it is absent from the generated text of g; its extinction
 * generation is the first generation of its current unbroken run of absences, i.e. the first
 * generation after which it has not reappeared. A symbol that reappears is no longer extinct and
 * its record is cleared (it is counted in `revivals`); should it vanish again, its extinction
 * generation is that later generation. At the end of a run the records are therefore exactly
 * "first generation after which the symbol never reappeared".
 *
 * State is plain JSON (toJSON / fromJSON) so a saved run restores it.
 */
import {
  countSupportTables,
  SUPPORT_KINDS,
  type BySupportKind,
  type SupportKind,
  type SupportLookup,
} from './tails';

export interface ExtinctSymbol {
  symbol: string;
  /** First generation of the current run of absences. */
  since: number;
  /** Count of the symbol in the real text, so rarity can be plotted against extinction. */
  realCount: number;
}

/** Serialisable tracker state: arrays of pairs, so no symbol can collide with object keys. */
export interface ExtinctionState {
  version: 1;
  /** Last generation observed, or null before the first observation. */
  lastGeneration: number | null;
  kinds: BySupportKind<{
    /** Real support: [symbol, real count]. */
    support: [string, number][];
    /** Currently extinct: [symbol, extinction generation]. */
    extinct: [string, number][];
    revivals: number;
  }>;
}

/** What one observation changed for a kind: symbols that went extinct at it, and those that came back. */
export interface ExtinctionChanges {
  /** Real symbols absent at this generation that were present at the one before (or never observed). */
  died: string[];
  /** Real symbols present at this generation that were extinct before it. */
  revived: string[];
}

interface KindState {
  support: Map<string, number>;
  extinct: Map<string, number>;
  revivals: number;
  /** The changes of the last observation, in the real text's order of first occurrence. */
  changes: ExtinctionChanges;
}

export class ExtinctionTracker {
  private readonly kinds: BySupportKind<KindState>;
  private last: number | null = null;

  /** The real support: held-out documents, or counted tables of them (symbol -> real count). */
  constructor(real: readonly string[] | BySupportKind<{ counts: ReadonlyMap<string, number> }>) {
    const tables = Array.isArray(real)
      ? countSupportTables(real)
      : (real as BySupportKind<{ counts: ReadonlyMap<string, number> }>);
    const make = (k: SupportKind): KindState => ({
      support: new Map(tables[k].counts),
      extinct: new Map(),
      revivals: 0,
      changes: { died: [], revived: [] },
    });
    this.kinds = { chars: make('chars'), bigrams: make('bigrams'), words: make('words') };
  }

  /** Records generation g from its generated documents. */
  observe(generation: number, samples: readonly string[]): void {
    const tables = countSupportTables(samples);
    this.observeSupport(generation, {
      chars: tables.chars.counts,
      bigrams: tables.bigrams.counts,
      words: tables.words.counts,
    });
  }

  /** Records generation g from already counted generated support (avoids a recount). */
  observeSupport(generation: number, present: BySupportKind<SupportLookup>): void {
    if (!Number.isFinite(generation))
      throw new RangeError(`generation must be a finite number, got ${generation}`);
    if (this.last !== null && generation <= this.last) {
      throw new RangeError(`generations must increase: got ${generation} after ${this.last}`);
    }
    for (const kind of SUPPORT_KINDS) {
      const state = this.kinds[kind];
      const seen = present[kind];
      const changes: ExtinctionChanges = { died: [], revived: [] };
      for (const symbol of state.support.keys()) {
        if (seen.has(symbol)) {
          if (state.extinct.delete(symbol)) {
            state.revivals++;
            changes.revived.push(symbol);
          }
        } else if (!state.extinct.has(symbol)) {
          state.extinct.set(symbol, generation);
          changes.died.push(symbol);
        }
      }
      state.changes = changes;
    }
    this.last = generation;
  }

  get lastGeneration(): number | null {
    return this.last;
  }

  /** Currently extinct symbols of a kind, earliest extinction first, then rarest first. */
  extinct(kind: SupportKind): ExtinctSymbol[] {
    const state = this.kinds[kind];
    return [...state.extinct]
      .map(([symbol, since]) => ({ symbol, since, realCount: state.support.get(symbol) ?? 0 }))
      .sort(
        (a, b) =>
          a.since - b.since ||
          a.realCount - b.realCount ||
          (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
      );
  }

  /** Extinction generation of one symbol, or null if it is present (or not real). */
  extinctSince(kind: SupportKind, symbol: string): number | null {
    return this.kinds[kind].extinct.get(symbol) ?? null;
  }

  /** How many real symbols of a kind are extinct now, out of how many. */
  extinctCount(kind: SupportKind): { extinct: number; support: number } {
    return { extinct: this.kinds[kind].extinct.size, support: this.kinds[kind].support.size };
  }

  /**
   * What the last observation changed: folding these over the generations gives back every
   * extinction record (run.json keeps the words' changes, word-deaths.ts). Empty before the first
   * observation and right after fromJSON (a restored tracker has observed nothing yet itself).
   */
  lastChanges(kind: SupportKind): ExtinctionChanges {
    const { died, revived } = this.kinds[kind].changes;
    return { died: [...died], revived: [...revived] };
  }

  /** How many times a symbol of this kind came back after being extinct. */
  revivals(kind: SupportKind): number {
    return this.kinds[kind].revivals;
  }

  toJSON(): ExtinctionState {
    const dump = (k: SupportKind) => ({
      support: [...this.kinds[k].support],
      extinct: [...this.kinds[k].extinct],
      revivals: this.kinds[k].revivals,
    });
    return {
      version: 1,
      lastGeneration: this.last,
      kinds: { chars: dump('chars'), bigrams: dump('bigrams'), words: dump('words') },
    };
  }

  static fromJSON(state: ExtinctionState): ExtinctionTracker {
    if (state?.version !== 1) throw new Error('unknown extinction tracker state version');
    const tables = {
      chars: { counts: new Map(state.kinds.chars.support) },
      bigrams: { counts: new Map(state.kinds.bigrams.support) },
      words: { counts: new Map(state.kinds.words.support) },
    };
    const tracker = new ExtinctionTracker(tables);
    for (const kind of SUPPORT_KINDS) {
      for (const [symbol, since] of state.kinds[kind].extinct) tracker.kinds[kind].extinct.set(symbol, since);
      tracker.kinds[kind].revivals = state.kinds[kind].revivals;
    }
    tracker.last = state.lastGeneration;
    return tracker;
  }
}
