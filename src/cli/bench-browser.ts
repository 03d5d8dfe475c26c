/**
 * npm run bench:browser: the figures of npm run bench, in headless Chromium, for each backend the
 * browser offers here (webgpu and webgl on SwiftShader, wasm, cpu), plus the classroom preset's
 * wall time to visible collapse in the real page. Builds nothing: it serves an existing build
 * (COLLAPSE_LAB_DIST, else dist/) and drives its bench.html, then its index.html.
 * Progress goes to stderr, one line per measurement; the last stdout line is one JSON object.
 *
 * Then it times generation 0 of the default preset on wasm with 1 and with k training workers
 * (bench-browser-workers.ts; k = the machine's cores).
 *
 * Options: --backends wasm,cpu (a subset; default all four), --steps N (timed training steps;
 * SwiftShader backends cap it, see src/bench/plan.ts), --skip-collapse, --collapse-minutes M
 * (time limit of the collapse run, default 8), --workers 1,2 (the counts compared; "" skips).
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DIST_DIR, openBrowser } from '../../tests/support/browser';
import { ALL_BACKENDS, DEFAULT_STEPS, parseBackendList } from '../bench/plan';
import { missingBuildFiles, runBenchPage } from './bench-browser-page';
import { timeCollapse, type CollapseResult } from './bench-browser-collapse';
import { timeGenerationsByWorkers } from './bench-browser-workers';

const USAGE =
  'usage: npm run bench:browser -- [--backends webgpu,webgl,wasm,cpu] [--steps N] [--skip-collapse] [--collapse-minutes M] [--workers 1,2]';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string', default: ALL_BACKENDS.join(',') },
      steps: { type: 'string', default: String(DEFAULT_STEPS) },
      'skip-collapse': { type: 'boolean', default: false },
      'collapse-minutes': { type: 'string', default: '8' },
      workers: { type: 'string', default: `1,${availableParallelism()}` },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const steps = Number(values.steps);
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`--steps must be a positive integer, got "${values.steps}"`);
  const minutes = Number(values['collapse-minutes']);
  if (!(minutes > 0))
    throw new Error(`--collapse-minutes must be a positive number, got "${values['collapse-minutes']}"`);
  const workers = values.workers === '' ? [] : [...new Set(values.workers.split(',').map(Number))];
  if (workers.some((k) => !Number.isInteger(k) || k < 1 || k > 32))
    throw new Error(`--workers takes worker counts from 1 to 32, comma-separated, got "${values.workers}"`);
  return {
    backends: parseBackendList(values.backends),
    steps,
    skipCollapse: values['skip-collapse'],
    collapseMs: minutes * 60_000,
    workers,
  };
}

const say = (line: string) => console.error(line);

async function main() {
  const options = parseOptions();
  const missing = missingBuildFiles(DIST_DIR);
  if (missing.length > 0) {
    throw new Error(
      `no build to measure: ${missing.join(', ')} missing in ${DIST_DIR}. Run "npm run build" first ` +
        '(or point COLLAPSE_LAB_DIST at a build folder made by "npx vite build --outDir <folder>").',
    );
  }
  const started = Date.now();
  // Other work on the machine slows every figure: the load is part of the record.
  const loadAtStart = Number(loadavg()[0].toFixed(2));
  const session = await openBrowser({ webgpu: true });
  try {
    const version = session.context.browser()?.version() ?? null;
    say(`serving ${DIST_DIR}; headless Chromium ${version ?? ''}, ${availableParallelism()} cores`);
    const bench = await runBenchPage(session, options.backends, options.steps, say);
    let collapse: CollapseResult | { skipped: true } = { skipped: true };
    if (!options.skipCollapse) {
      collapse = await timeCollapse(session, options.collapseMs, say);
      say(
        collapse.reached
          ? `collapse: reached in ${collapse.seconds} s (generation ${collapse.generation}, by ${collapse.by})`
          : `collapse: ${collapse.reason}`,
      );
    }
    const byWorkers =
      options.workers.length > 1
        ? await timeGenerationsByWorkers(session, options.workers, options.collapseMs, say)
        : [];
    const one = byWorkers.find((t) => t.workers === Math.min(...options.workers));
    const most = byWorkers.find((t) => t.workers === Math.max(...options.workers));
    const result = {
      where: {
        chromium: version,
        cores: availableParallelism(),
        loadAverage1m: { start: loadAtStart, end: Number(loadavg()[0].toFixed(2)) },
        build: DIST_DIR,
      },
      model: bench.model,
      ...bench.results,
      collapse,
      ...(one && most
        ? {
            workers: {
              backend: 'wasm',
              generations: byWorkers,
              generationTimeRatio: Number((most.generationSeconds / one.generationSeconds).toFixed(2)),
            },
          }
        : {}),
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify(result));
  } finally {
    await session.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:browser: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
