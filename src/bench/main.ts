/**
 * The benchmark page (bench.html): reads which backends to measure from its address
 * (?backends=wasm,cpu&steps=10; with check=kernels, the GPU kernels' checks instead of the
 * figures), runs the benchmark worker and shows every line as it comes.
 * The same state is on window.__collapseBench for the Node script that drives the page. This
 * script never imports TensorFlow.js: the worker does all the work.
 */
import { DEFAULT_STEPS, parseBackendList, planFor } from './plan';
import type { BenchCommand, BenchEvent, BenchState } from './protocol';

declare global {
  interface Window {
    __collapseBench?: BenchState;
  }
}

const state: BenchState = { lines: [], results: {}, checks: {}, model: null, done: false, error: null };
window.__collapseBench = state;

const log = document.getElementById('log');
const status = document.getElementById('status');

function show(line: string): void {
  state.lines.push(line);
  if (log) log.textContent += `${line}\n`;
}

function finish(error: string | null): void {
  state.error = error;
  state.done = true;
  if (status) status.textContent = error ? `Failed: ${error}` : 'Done.';
  if (!error && log)
    log.textContent += `\n${JSON.stringify(Object.keys(state.checks).length > 0 ? state.checks : state.results, null, 2)}\n`;
}

function start(): void {
  const query = new URLSearchParams(window.location.search);
  const steps = Number(query.get('steps') ?? DEFAULT_STEPS);
  if (!Number.isFinite(steps) || steps < 1)
    throw new Error(`steps must be a positive number, got "${query.get('steps')}"`);
  const backends = parseBackendList(query.get('backends'));
  const checking = query.get('check') === 'kernels';
  const plans = backends.map((b) => planFor(b, steps));
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<BenchEvent>) => {
    const event = e.data;
    if (event.type === 'model') state.model = event.model;
    else if (event.type === 'progress') show(event.line);
    else if (event.type === 'result') state.results[event.backend] = event.result;
    else if (event.type === 'checks') state.checks[event.backend] = event.checks;
    else if (event.type === 'done') finish(null);
    else finish(event.message);
  };
  worker.onerror = (e) =>
    finish(`the benchmark worker failed to load or crashed: ${e.message || 'no message'}`);
  if (status)
    status.textContent = `${checking ? 'Checking the kernels of' : 'Measuring'} ${backends.join(', ')}…`;
  worker.postMessage(
    (checking ? { type: 'check', backends } : { type: 'run', plans }) satisfies BenchCommand,
  );
}

try {
  start();
} catch (e) {
  finish(e instanceof Error ? e.message : String(e));
}
