import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResumeFile, ResumeFileError, runResumable } from '../../../src/cli/resumable-run';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import { mergeConfig } from '../../../src/engine/config/validate';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import type { GenerationReport } from '../../../src/engine/record';
import { microRunConfig } from '../../support/loop-fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'collapse-resume-'));

/** What a report says, without how long it took. */
const measured = (reports: readonly GenerationReport[]) => reports.map(({ durationMs: _d, ...rest }) => rest);

/** Runs until generation `stopAfter` is done, as Ctrl-C would stop it there. */
async function stoppedAfter(config: SimulationConfig, resumePath: string, stopAfter: number) {
  const control = new LoopControl();
  return runResumable(config, {
    control,
    resumePath,
    onEvent: (e) => {
      if (e.type === 'generationDone' && e.report.generation === stopAfter) control.cancel();
    },
  });
}

// The count model is quick, and its every draw follows from the seed as the transformer's does;
// the engine's checkpoint tests (tests/unit/loop/checkpoint.test.ts) resume the transformer too.
const COUNT_MODEL = mergeConfig(microRunConfig({ generations: 3 }), {
  model: { family: 'ngram' },
}) as SimulationConfig;

describe('a run stopped and given the same command again', () => {
  const config = COUNT_MODEL;

  it('goes on from its last finished generation and ends where an uninterrupted run ends', async () => {
    const whole = await runResumable(config, { control: new LoopControl() });
    const file = path.join(dir, 'stopped.resume.json');

    const stopped = await stoppedAfter(config, file, 0);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.generations).toHaveLength(1);
    expect(readResumeFile(file, config)?.checkpoint.nextGeneration).toBe(1);

    let resumedAt: number | null = null;
    const resumed = await runResumable(config, {
      control: new LoopControl(),
      resumePath: file,
      onResume: (n) => (resumedAt = n),
    });
    expect(resumedAt).toBe(1);
    expect(resumed.status).toBe('complete');
    expect(measured(resumed.generations)).toEqual(measured(whole.generations));
    expect(resumed.baseline).toEqual(whole.baseline);
    expect(resumed.nStar).toBe(whole.nStar);
    expect(resumed.notices.some((n) => /goes on from generation 1/.test(n))).toBe(true);
    // Generation 0's model is not in the checkpoint: trained again, it reads every later
    // generation exactly as the uninterrupted run's did (compared above), and the run says so.
    expect(resumed.generations.every((g) => g.underGenerationZero)).toBe(true);
    expect(resumed.notices.some((n) => /trained again from the seed/.test(n))).toBe(true);
    // Done: nothing left to resume, so the same command would start over.
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});

describe('a resume file that cannot be used', () => {
  const config = COUNT_MODEL;

  it('is refused when it was made with other settings, and left as it was', async () => {
    const file = path.join(dir, 'other-settings.resume.json');
    await stoppedAfter(config, file, 0);
    const before = readFileSync(file, 'utf8');
    const other = { ...config, seed: config.seed + 1 };
    await expect(runResumable(other, { control: new LoopControl(), resumePath: file })).rejects.toThrow(
      /made with other settings than these; delete it/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('is refused when it is not JSON', () => {
    const file = path.join(dir, 'broken.resume.json');
    writeFileSync(file, '{"record": ');
    expect(() => readResumeFile(file, config)).toThrow(ResumeFileError);
    expect(() => readResumeFile(file, config)).toThrow(/is not JSON; delete it to start the run again/);
  });

  it('is not needed: without one, the run starts at generation 0', () => {
    expect(readResumeFile(path.join(dir, 'none.json'), config)).toBeNull();
  });
});
