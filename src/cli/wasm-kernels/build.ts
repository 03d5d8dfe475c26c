/** npm run build:wasm-kernels: assembles the wasm kernels' .wat files into wasm-binaries.ts (assemble.ts). */
import { writeFile } from 'node:fs/promises';
import { assembleWasmKernels, BINARY_MODULE_PATH, binaryModuleSource, WASM_MODULES } from './assemble';

const binaries = await assembleWasmKernels();
await writeFile(BINARY_MODULE_PATH, binaryModuleSource(binaries));
const sizes = WASM_MODULES.map((m, i) => `${m.wat} ${binaries[i].length} bytes`).join(', ');
console.log(`${BINARY_MODULE_PATH}: ${sizes} of WebAssembly`);
