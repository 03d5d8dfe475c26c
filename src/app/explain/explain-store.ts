/**
 * Which explanation is open (the walkthrough, the about panel), and whether this browser has
 * already been offered the walkthrough: remembered in localStorage, so it is offered once.
 */
import { create } from 'zustand';

export const TOUR_OFFERED_KEY = 'collapse-lab:tour-offered';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** localStorage where the browser gives it (private modes and locked-down kiosks may not). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function wasTourOffered(store: Storage | null = storage()): boolean {
  try {
    return store?.getItem(TOUR_OFFERED_KEY) === '1';
  } catch {
    return true; // storage refused: offering on every visit would nag
  }
}

export function rememberTourOffered(store: Storage | null = storage()): void {
  try {
    store?.setItem(TOUR_OFFERED_KEY, '1');
  } catch {
    // Nothing to do: the offer simply comes back next time.
  }
}

interface ExplainState {
  /** The walkthrough's step, or null when it is closed. */
  tourStep: number | null;
  aboutOpen: boolean;
  /** The first-visit offer is showing. */
  offerShown: boolean;
  startTour(): void;
  setTourStep(step: number | null): void;
  setAboutOpen(open: boolean): void;
  dismissOffer(): void;
}

/** Offered once: remembered as soon as it shows, so the next visit (or a reload) does not ask again. */
function offerOnce(): boolean {
  if (wasTourOffered()) return false;
  rememberTourOffered();
  return true;
}

export const useExplain = create<ExplainState>()((set) => ({
  tourStep: null,
  aboutOpen: false,
  offerShown: offerOnce(),
  startTour: () => {
    set({ tourStep: 0, offerShown: false, aboutOpen: false });
  },
  setTourStep: (tourStep) => set({ tourStep }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  dismissOffer: () => set({ offerShown: false }),
}));
