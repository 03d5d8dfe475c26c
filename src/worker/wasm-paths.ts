/**
 * Points the wasm backend at the .wasm files that Vite copies into this build, so the page never
 * fetches them from a CDN and works from any sub-path (the URLs are resolved relative to the
 * worker chunk). Imported once by the worker entry, before any backend is chosen.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': plainWasm,
  'tfjs-backend-wasm-simd.wasm': simdWasm,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
});

// Multithreaded wasm needs cross-origin isolation and hangs in minified builds (docs/ARCHITECTURE.md, "TensorFlow.js traps");
// single-threaded SIMD was as fast on small machines, so never try the threaded binary.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
