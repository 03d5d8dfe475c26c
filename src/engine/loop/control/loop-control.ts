import type { SimulationConfig } from '../../config/schema';

const YIELD_EVERY_MS = 30;

/**
 * Pause, resume, single step and cancel for a running simulation, and the settings asked for
 * meanwhile. The loop calls `pausePoint()` between training steps, sampling calls and phases:
 * that is where it pauses, stops or fails; nothing is interrupted halfway.
 */
export class LoopControl {
  private paused = false;
  private stopAfterGeneration = false;
  private wake: (() => void) | null = null;
  private readonly abort = new AbortController();
  private pendingConfig: SimulationConfig | null = null;
  private lastYield = 0;
  private failure: Error | null = null;

  /** New settings for the run; the loop takes them at the start of its next generation. */
  requestConfig(config: SimulationConfig): void {
    this.pendingConfig = config;
  }

  /** The settings requested since the last call, if any. */
  takeRequestedConfig(): SimulationConfig | null {
    const next = this.pendingConfig;
    this.pendingConfig = null;
    return next;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** A step is under way: the run pauses once the current (or next) generation is done. */
  get isStepping(): boolean {
    return this.stopAfterGeneration;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.stopAfterGeneration = false;
    this.release();
  }

  /** Runs until the current (or next) generation is done, then pauses. */
  step(): void {
    this.paused = false;
    this.stopAfterGeneration = true;
    this.release();
  }

  cancel(): void {
    this.abort.abort(new Error('cancelled'));
    this.release();
  }

  /**
   * Something under the run failed (a lost GPU device, seen by the worker): the loop throws
   * `reason` at its next pause point, between steps, as if the step itself had thrown it.
   */
  fail(reason: Error): void {
    this.failure ??= reason;
    this.release();
  }

  /** Called by the loop when a generation ends: turns a single step into a pause. */
  generationEnded(): void {
    if (this.stopAfterGeneration) {
      this.stopAfterGeneration = false;
      this.paused = true;
    }
  }

  /**
   * Resolves when the loop may go on; throws if the run was cancelled. Every ~30 ms it also
   * yields a macrotask: on wasm, reading a tensor settles as a microtask, so without this a
   * worker never gets to its message queue while it trains and a Pause would arrive only after
   * training.
   */
  async pausePoint(onPause?: () => void): Promise<void> {
    if (performance.now() - this.lastYield > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      this.lastYield = performance.now();
    }
    this.throwIfStopped();
    if (!this.paused) return;
    onPause?.();
    while (this.paused && !this.signal.aborted && !this.failure) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.throwIfStopped();
  }

  private throwIfStopped(): void {
    this.signal.throwIfAborted();
    if (this.failure) throw this.failure;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
