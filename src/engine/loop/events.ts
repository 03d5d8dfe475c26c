import type { SimulationConfig } from '../config/schema';
import type { Origin } from '../corpus/corpus';
import type { RunCheckpoint } from './checkpoint';
import type { GenerationReport, PromptSample } from '../record';

/** The phases of a generation, in order. */
export const PHASES = ['sampling-corpus', 'training', 'evaluating', 'generating', 'writing-back'] as const;
export type Phase = (typeof PHASES)[number];

/** What the loop tells its consumer (the worker forwards these; the CLI prints them). */
export type SimulationEvent =
  | {
      type: 'runStarted';
      config: SimulationConfig;
      vocabulary: string[];
      realChars: number;
      heldOutChars: number;
      /** A few held-out real documents, to read beside the generated ones. */
      realSamples: string[];
    }
  | { type: 'configChanged'; config: SimulationConfig; fromGeneration: number; changed: string[] }
  | { type: 'notice'; message: string }
  | { type: 'baseline'; perplexity: number; nllPerChar: number }
  | { type: 'phase'; generation: number; phase: Phase; done?: number; total?: number }
  | { type: 'trainStep'; generation: number; step: number; totalSteps: number; loss: number; learningRate: number; tokensPerSec: number }
  | { type: 'samples'; generation: number; samples: string[]; promptSamples: PromptSample[] }
  | { type: 'corpusChanged'; generation: number; provenance: { origin: Origin; chars: number }[]; chars: number; humanShare: number }
  | { type: 'generationDone'; report: GenerationReport; nStar: number | null }
  /** After the baseline and after each finished generation: what a fresh worker needs to go on. */
  | { type: 'checkpoint'; checkpoint: RunCheckpoint }
  | { type: 'paused'; generation: number }
  | { type: 'resumed'; generation: number }
  | { type: 'runDone'; status: 'complete' | 'cancelled'; generations: number; nStar: number | null }
  /** fault 'backend': the computing backend failed, not the run (another backend may go on). */
  | { type: 'error'; message: string; generation: number | null; fault?: 'backend' };
