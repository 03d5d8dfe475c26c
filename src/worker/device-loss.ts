/**
 * Notices a GPU backend losing its device while a run uses it. TensorFlow.js does not surface
 * either loss: on a lost WebGL context it only logs and goes on computing garbage
 * (tensorflow/tfjs#756), and a lost WebGPU device fails its later work silently. So the worker
 * watches itself, WebGL's `webglcontextlost` on the backend's canvas and WebGPU's `device.lost`,
 * and turns a loss into a backend fault the run falls back from.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './simulation-protocol';

interface WebGlBackendLike {
  gpgpu?: {
    gl?: {
      canvas?: EventTarget | null;
      getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
    };
  };
}
interface WebGpuBackendLike {
  device?: { lost?: Promise<{ reason?: string; message?: string }>; destroy?(): void };
}

/** Calls `onLost` (once) if the current backend's device is lost; returns the function that stops watching. */
export function watchDeviceLoss(backend: BackendName, onLost: (reason: string) => void): () => void {
  let watching = true;
  const lost = (reason: string) => {
    if (!watching) return;
    watching = false;
    onLost(reason);
  };
  if (backend === 'webgl') {
    const canvas = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl?.canvas;
    const listener = () => lost('the WebGL context was lost');
    canvas?.addEventListener('webglcontextlost', listener);
    return () => {
      watching = false;
      canvas?.removeEventListener('webglcontextlost', listener);
    };
  }
  if (backend === 'webgpu') {
    const device = (tf.backend() as unknown as WebGpuBackendLike).device;
    void device?.lost?.then((info) =>
      lost(`the WebGPU device was lost${info.message ? `: ${info.message}` : ''}`),
    );
  }
  return () => {
    watching = false;
  };
}

/**
 * Loses the current backend's device on purpose (the `?fault=lost` debug hook): WebGL drops its
 * context through WEBGL_lose_context, WebGPU destroys its device. False when the backend has no
 * device to lose (wasm, cpu).
 */
export function loseDeviceOnPurpose(backend: BackendName): boolean {
  if (backend === 'webgl') {
    const lose = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl?.getExtension('WEBGL_lose_context');
    lose?.loseContext();
    return !!lose;
  }
  if (backend === 'webgpu') {
    const device = (tf.backend() as unknown as WebGpuBackendLike).device;
    device?.destroy?.();
    return !!device?.destroy;
  }
  return false;
}
