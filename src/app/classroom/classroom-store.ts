/**
 * The classroom's own state (zustand, apart from the app store): which controls the link hides
 * or locks, which chart is large, presenter mode and predictions. main.tsx fills it from the address and
 * classroom-url-sync.ts writes it back, so the address is always a classroom link.
 */
import { create } from 'zustand';
import type { ChartId, ControlId } from './classroom-controls';
import { NO_CLASSROOM, normaliseClassroom, type ClassroomSettings } from './classroom-url';

export interface ClassroomState extends ClassroomSettings {
  /** The "Prepare a classroom link" dialog. */
  prepareOpen: boolean;
  replace(settings: ClassroomSettings): void;
  setHidden(id: ControlId, hidden: boolean): void;
  setLocked(id: ControlId, locked: boolean): void;
  setLarge(chart: ChartId | null): void;
  setPresenter(on: boolean): void;
  setPredict(on: boolean): void;
  setPrepareOpen(open: boolean): void;
}

const toggle = (ids: readonly ControlId[], id: ControlId, on: boolean): ControlId[] =>
  on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id);

export const useClassroom = create<ClassroomState>()((set) => ({
  ...NO_CLASSROOM,
  prepareOpen: false,
  replace: (settings) => set(normaliseClassroom(settings)),
  setHidden: (id, hidden) => set((s) => normaliseClassroom({ ...s, hidden: toggle(s.hidden, id, hidden) })),
  setLocked: (id, locked) => set((s) => normaliseClassroom({ ...s, locked: toggle(s.locked, id, locked) })),
  setLarge: (large) => set({ large }),
  setPresenter: (presenter) => set({ presenter }),
  setPredict: (predict) => set({ predict }),
  setPrepareOpen: (prepareOpen) => set({ prepareOpen }),
}));

/** The settings part of the state (what the address carries). */
export const classroomSettings = (s: ClassroomSettings): ClassroomSettings => ({
  hidden: s.hidden,
  locked: s.locked,
  large: s.large,
  presenter: s.presenter,
  predict: s.predict,
});

/** Controls whose value the class cannot change: locked ones, and hidden ones (no control to change them with). */
export const fixedControls = (s: ClassroomSettings): ControlId[] => [...new Set([...s.locked, ...s.hidden])];

export const useIsHidden = (id: ControlId): boolean => useClassroom((s) => s.hidden.includes(id));
export const useIsLocked = (id: ControlId): boolean =>
  useClassroom((s) => s.locked.includes(id) && !s.hidden.includes(id));
