/**
 * TensorFlow.js's WebGPU backend in Node, through Dawn's Node bindings (the `webgpu` npm package,
 * which ships dawn.node prebuilt). This module gives Node what a browser gives the backend: a
 * `navigator.gpu` and the GPU* globals (GPUBufferUsage, GPUMapMode...), and registers the backend
 * under the name 'webgpu', so the engine runs its WebGPU path (its WGSL kernels included) unchanged.
 *
 * On Linux Dawn speaks Vulkan. With no Vulkan driver configured (no VK_ICD_FILENAMES or
 * VK_DRIVER_FILES, no manifest in the standard icd.d folders) it is pointed at the SwiftShader
 * Vulkan driver that Chromium ships (Debian's `chromium` package: /usr/lib/chromium), a software
 * renderer: it runs the same shaders on the CPU, so its figures count dispatches, not GPU speed.
 * Debian 12's own software driver (lavapipe) is too old for Dawn and gives no adapter; when the
 * system's drivers give none, SwiftShader is tried next.
 *
 * Only src/cli imports this module: the engine stays free of Node modules.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface NodeWebGpu {
  /** One line for a log: the Vulkan driver Dawn was pointed at and the adapter it found. */
  description: string;
  /** A software renderer (SwiftShader, lavapipe, llvmpipe): its speed is a CPU's, not a GPU's. */
  software: boolean;
}

/** Environment variables through which a user names Vulkan drivers (manifests) directly. */
const DRIVER_ENV = ['VK_ICD_FILENAMES', 'VK_DRIVER_FILES'] as const;

/** Where the Vulkan loader looks for driver manifests when no variable names one. */
function systemIcdFolders(): string[] {
  const home = os.homedir();
  const config = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  const data = process.env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const dataDirs = (process.env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  const configDirs = (process.env.XDG_CONFIG_DIRS || '/etc/xdg').split(':').filter(Boolean);
  return [config, ...configDirs, '/etc', data, ...dataDirs].map((d) => path.join(d, 'vulkan', 'icd.d'));
}

function systemIcds(): string[] {
  const found: string[] = [];
  for (const folder of systemIcdFolders()) {
    try {
      for (const f of fs.readdirSync(folder)) if (f.endsWith('.json')) found.push(path.join(folder, f));
    } catch {
      // no such folder
    }
  }
  return found;
}

/** Chromium's SwiftShader Vulkan manifest: Debian, Fedora and Ubuntu builds, Google Chrome, or CHROMIUM_PATH's folder. */
export function findSwiftShaderIcd(): string | undefined {
  const folders = [
    '/usr/lib/chromium',
    '/usr/lib64/chromium-browser',
    '/usr/lib/chromium-browser',
    '/opt/google/chrome',
    '/opt/chromium.org/chromium',
  ];
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    try {
      folders.unshift(path.dirname(fs.realpathSync(named)));
    } catch {
      // a CHROMIUM_PATH that does not exist: the browser tests report it
    }
  }
  return folders.map((f) => path.join(f, 'vk_swiftshader_icd.json')).find((f) => fs.existsSync(f));
}

/** glibc's RTLD_NODELETE (Node's os.constants.dlopen lacks it). */
const RTLD_NODELETE = 0x1000;

/**
 * Points the Vulkan loader at SwiftShader. Chromium ships its own Vulkan loader (libvulkan.so.1)
 * beside the driver, and Debian installs no system loader with chromium (that is the libvulkan1
 * package), where Dawn's dlopen("libvulkan.so.1") would fail. Loading Chromium's copy first, kept
 * resident, makes that dlopen find it by its soname. Node's dlopen then throws "did not
 * self-register" (it is not a Node addon), which is expected.
 */
function useSwiftShader(icd: string): string {
  process.env.VK_ICD_FILENAMES = icd;
  const loader = path.join(path.dirname(icd), 'libvulkan.so.1');
  if (process.platform !== 'linux' || !fs.existsSync(loader))
    return `SwiftShader (software Vulkan) from ${icd}`;
  try {
    process.dlopen(
      { exports: {} },
      loader,
      os.constants.dlopen.RTLD_NOW | os.constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!message.includes('did not self-register'))
      return `SwiftShader (software Vulkan) from ${icd} (its loader did not load: ${message})`;
  }
  return `SwiftShader (software Vulkan) from ${icd}, with its Vulkan loader`;
}

type DawnGpu = GPU;
let state: { gpu: DawnGpu; devices: GPUDevice[] } | undefined;
let installing: Promise<NodeWebGpu> | undefined;

const requestOptions: GPURequestAdapterOptions = { powerPreference: 'high-performance' };

function describeAdapter(adapter: GPUAdapter): { text: string; software: boolean } {
  const info = adapter.info;
  const name = [info.vendor, info.architecture].filter(Boolean).join(' ') || 'unnamed adapter';
  const text = info.description ? `${name} (${info.description})` : name;
  return { text, software: /swiftshader|llvmpipe|lavapipe|software/i.test(text) };
}

/** The device tfjs-backend-webgpu asks for in a browser (its base.ts): the adapter's limits, timestamp queries when offered. */
async function requestDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const limits = adapter.limits;
  const requiredFeatures: GPUFeatureName[] = [];
  if (adapter.features.has('timestamp-query')) requiredFeatures.push('timestamp-query');
  return adapter.requestDevice({
    requiredFeatures,
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
}

async function install(): Promise<NodeWebGpu> {
  const named = DRIVER_ENV.filter((v) => process.env[v]);
  const system = named.length > 0 ? [] : systemIcds();
  const swiftShader = findSwiftShaderIcd();
  let driver: string;
  if (named.length > 0)
    driver = `the Vulkan driver named by ${named.map((v) => `${v}=${process.env[v]}`).join(', ')}`;
  else if (system.length > 0)
    driver = `the system's Vulkan drivers (${system.map((f) => path.basename(f)).join(', ')})`;
  else if (swiftShader) driver = useSwiftShader(swiftShader);
  else driver = 'no Vulkan driver (no VK_ICD_FILENAMES, no icd.d manifest, no Chromium SwiftShader)';

  const { create, globals } = await import('webgpu');
  let gpu = create([]) as DawnGpu;
  let adapter = await gpu.requestAdapter(requestOptions);
  if (!adapter && named.length === 0 && system.length > 0 && swiftShader) {
    // e.g. Debian 12's lavapipe: too old for Dawn. A new Dawn instance reads the new manifest.
    driver = `${driver} gave no adapter; ${useSwiftShader(swiftShader)}`;
    gpu = create([]) as DawnGpu;
    adapter = await gpu.requestAdapter(requestOptions);
  }
  if (!adapter) {
    const hint = swiftShader
      ? 'Dawn could not use it (its own warnings above say why)'
      : "install your GPU's Vulkan driver, or Debian's chromium package (its SwiftShader driver runs WebGPU in software)";
    throw new Error(`WebGPU in Node: Dawn found no adapter with ${driver}; ${hint}`);
  }

  // What tfjs-backend-webgpu reads from the global scope: navigator.gpu and the GPU* constants
  // and classes (src/bench/launch-counter.ts counts dispatches on GPUComputePassEncoder's).
  for (const [name, value] of Object.entries(globals as Record<string, unknown>)) {
    if (!(name in globalThis))
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  const g = globalThis as { navigator?: object };
  if (g.navigator)
    Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true, writable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });

  state = { gpu, devices: [] };
  let first: GPUAdapter | null = adapter;
  const adapterText = describeAdapter(adapter);
  // Priority 0: only a caller that names 'webgpu' gets it (Node's default order stays wasm, cpu).
  tf.registerBackend(
    'webgpu',
    async () => {
      const a = first ?? (await gpu.requestAdapter(requestOptions));
      first = null; // an adapter gives one device
      if (!a) throw new Error('WebGPU in Node: the adapter is gone');
      const device = await requestDevice(a);
      state?.devices.push(device);
      return new WebGPUBackend(device as never, a.info as never);
    },
    0,
  );
  return { description: `${driver}; adapter: ${adapterText.text}`, software: adapterText.software };
}

/**
 * Installs Dawn's WebGPU into this Node process and registers the 'webgpu' TensorFlow.js
 * backend (once; later calls return the first answer). Throws, with the driver it tried, when
 * Dawn finds no adapter.
 */
export function installNodeWebGpu(): Promise<NodeWebGpu> {
  installing ??= install();
  return installing;
}

/**
 * Lets the process exit: Dawn keeps Node alive while a GPU object is referenced. Removes the
 * backend from TensorFlow.js and destroys its devices; install again to use it after this.
 */
export function releaseNodeWebGpu(): void {
  if (!state) return;
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  for (const device of state.devices) device.destroy();
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator?.gpu === state.gpu) delete g.navigator.gpu;
  state = undefined;
  installing = undefined;
}
