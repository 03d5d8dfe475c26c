/**
 * Whether this browser's WebGPU or WebGL runs on a software renderer (SwiftShader, llvmpipe,
 * WebGPU's fallback adapter). On such machines wasm trains several times faster (measured
 * here: SwiftShader WebGL ~7x and the WebGPU fallback adapter ~80x slower than wasm), so the
 * chooser puts them after wasm. The worker can look; the engine cannot (no canvas, no navigator).
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

interface AdapterInfoLike {
  isFallbackAdapter?: boolean;
  description?: string;
  architecture?: string;
}

export async function webGpuSoftwareRenderer(): Promise<string | null> {
  try {
    const adapter = await navigator.gpu?.requestAdapter();
    if (!adapter) return null;
    const info = (adapter as unknown as { info?: AdapterInfoLike; isFallbackAdapter?: boolean }).info;
    const fallback =
      info?.isFallbackAdapter ?? (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
    const described = `${info?.description ?? ''} ${info?.architecture ?? ''}`;
    if (fallback || SOFTWARE_RENDERERS.test(described))
      return 'a software renderer (WebGPU fallback adapter), slower than wasm';
    return null;
  } catch {
    return null;
  }
}

export function webGlSoftwareRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const match = renderer.match(SOFTWARE_RENDERERS);
    return match ? `a software renderer (${match[0]}), slower than wasm` : null;
  } catch {
    return null;
  }
}
