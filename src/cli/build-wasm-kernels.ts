/** npm run build:wasm-kernels: assembles wasm-fused.wat into wasm-fused-binary.ts (assemble-wasm-kernels.ts). */
import { writeFile } from 'node:fs/promises';
import { assembleWasmKernels, BINARY_MODULE_PATH, binaryModuleSource } from './assemble-wasm-kernels';

const binary = await assembleWasmKernels();
await writeFile(BINARY_MODULE_PATH, binaryModuleSource(binary));
console.log(`${BINARY_MODULE_PATH}: ${binary.length} bytes of WebAssembly`);
