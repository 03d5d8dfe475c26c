/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page's Content-Security-Policy: scripts from the page's own origin only (no inline
 * scripts, no eval), WebAssembly compilation allowed (tfjs-wasm needs it), and network requests
 * to the page's origin or to an http(s) address (the corpus URL a user types; the app makes no
 * other request). Injected at build time only: Vite's dev server relies on an inline preamble.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'collapse-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// base './' keeps every asset URL relative, so the built page works from any sub-path
// (a USB stick, a course website folder, file servers) with no server of ours.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // tfjs is large by nature; it lives in the worker chunk, never on the main thread.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Two pages: the simulator, and the benchmark that npm run bench:browser drives. The CSP
      // plugin above transforms every HTML entry, so both get the policy.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./bench.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Training tests are CPU-heavy; two cores would only thrash with more parallel files.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
