/**
 * npm run bench:bundle [-- --out dist-bench]
 * The Node benchmark as a folder that runs with a `node` binary alone, for a GPU machine that has
 * no npm and no network: bench.mjs and simulate.mjs (every dependency inside), replica-thread.mjs
 * (the training worker they start for --workers), and the files they load at run time, in the layout Node
 * resolves them from: tfjs-backend-wasm's .wasm files and the `webgpu` package with Dawn's
 * dawn.node for this platform. Run it there with `node dist-bench/bench.mjs --backend webgpu`, or
 * a run with `node dist-bench/simulate.mjs --backend webgpu --out run.json`.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { out: { type: 'string', default: 'dist-bench' } } });
const out = path.resolve(String(args.out));
const require = createRequire(import.meta.url);

/** Copies files of an installed package into out/node_modules/<name>/, keeping their paths. */
function copyPackageFiles(name: string, files: readonly string[]): void {
  const root = path.dirname(require.resolve(`${name}/package.json`));
  for (const file of ['package.json', ...files]) {
    const target = path.join(out, 'node_modules', name, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(root, file), target);
  }
}

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    bench: 'src/cli/bench.ts',
    simulate: 'src/cli/simulate.ts',
    'replica-thread': 'src/cli/replica-thread.ts',
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // dawn.node is a native addon: it stays a package beside the bundle.
  external: ['webgpu'],
  // TensorFlow.js's CommonJS parts call require() and read __dirname; an ES module has neither
  // unless given them. The entry of the training-worker thread is named for node-replicas.ts,
  // which otherwise loads the TypeScript source through tsx.
  banner: {
    js: [
      "import { createRequire as createRequireForBundle } from 'node:module';",
      "import { fileURLToPath as fileURLToPathForBundle } from 'node:url';",
      'const require = createRequireForBundle(import.meta.url);',
      'const __filename = fileURLToPathForBundle(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      "process.env.COLLAPSE_LAB_REPLICA_ENTRY ??= new URL('./replica-thread.mjs', import.meta.url).href;",
    ].join('\n'),
  },
  logLevel: 'warning',
});
copyPackageFiles('@tensorflow/tfjs-backend-wasm', [
  'dist/tfjs-backend-wasm.wasm',
  'dist/tfjs-backend-wasm-simd.wasm',
  'dist/tfjs-backend-wasm-threaded-simd.wasm',
]);
copyPackageFiles('webgpu', [
  'index.js',
  `dist/${process.platform}-${process.platform === 'darwin' ? 'universal' : process.arch}/dawn.node`,
]);

const megabytes = (file: string) => (statSync(path.join(out, file)).size / 2 ** 20).toFixed(1);
process.stdout.write(
  `bench:bundle: wrote ${path.relative(process.cwd(), out)}/ (bench.mjs ${megabytes('bench.mjs')} MB, replica-thread.mjs ${megabytes('replica-thread.mjs')} MB, wasm and dawn.node beside them); run it with: node ${path.relative(process.cwd(), out)}/bench.mjs --backend webgpu\n`,
);
