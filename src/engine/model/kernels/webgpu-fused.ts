import * as tf from '@tensorflow/tfjs';
import {
  COLUMN_SUMS,
  epsilonOf,
  GELU,
  GELU_GRAD,
  GELU_K1,
  GELU_K2,
  LAYER_NORM,
  LAYER_NORM_GRAD,
  LAYER_NORM_GRAD_GPU,
  LAYER_NORM_GRAD_RESIDUAL_GPU,
  registerFused,
} from './catalog';

/**
 * The fused kernels on WebGPU as WGSL programs of our own, each dispatched once, several outputs
 * at a time where it helps: on a GPU a small model's step is bound by launches. LayerNorm takes 1
 * dispatch forward (one thread per row writes y, xhat and rstd; composed tf ops take 9) and 2
 * backward with its reductions (rows: dx; columns: the gain's and the bias's gradients), GELU 1
 * and 1, the column sums 1. webgpu-step.ts has the training step's other kernels.
 *
 * tfjs-backend-webgpu runs programs of one output only, so `dispatch` records ours the way its
 * runWebGPUProgram does (4.22): outputs allocated as its tensors, one bind group, a dispatch in the
 * current compute pass, the tensors marked as in use until the queue is submitted.
 */

/** The members of tfjs-backend-webgpu's WebGPUBackend that runWebGPUProgram uses (4.22). */
interface WebGpuBackendShape {
  device: {
    createShaderModule(d: { code: string }): unknown;
    createComputePipeline(d: object): Pipeline;
    createBindGroup(d: object): unknown;
  };
  commandEncoder: { beginComputePass(d: object): Pass } | null;
  computePassEncoder: Pass | null;
  dispatchCountInPass: number;
  commandQueueOwnedIds: WeakSet<tf.DataId>;
  activeTimers: unknown[] | null;
  makeTensorInfo(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  uploadToGPU(dataId: tf.DataId): void;
  tensorToBinding(t: tf.TensorInfo): unknown;
  makeUniforms(fields: { type: 'float32'; data: number[] }[]): unknown;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
  disposeData(dataId: tf.DataId): boolean;
}
interface Pipeline {
  getBindGroupLayout(i: number): unknown;
}
interface Pass {
  setPipeline(p: Pipeline): void;
  setBindGroup(i: number, g: unknown): void;
  dispatchWorkgroups(x: number, y: number, z: number): void;
}

/** One program: `body` runs once per thread with `index` (global), `lid` (within its workgroup of `workgroup` threads) and `wg` (the workgroup's number). */
export interface WgslProgram {
  /** Names the generated code: equal keys must mean equal code. */
  key: string;
  inputs: string[];
  outputs: { name: string; shape: number[] }[];
  threads: number;
  workgroup?: number;
  /** vec4 uniforms, u.v[0] ..., given per dispatch. */
  uniforms?: number[];
  /** Module-scope declarations (workgroup arrays). */
  prelude?: string;
  body: string;
}

const pipelines = new WeakMap<object, Map<string, Pipeline>>();
const MAX_GROUPS = 65535;

function pipelineOf(backend: WebGpuBackendShape, p: WgslProgram, size: number): Pipeline {
  const cache = pipelines.get(backend.device) ?? new Map<string, Pipeline>();
  pipelines.set(backend.device, cache);
  let pipeline = cache.get(p.key);
  if (!pipeline) {
    const at = (i: number) => `@group(0) @binding(${i})`;
    const lines = [
      ...p.inputs.map((name, i) => `${at(i)} var<storage, read> ${name} : array<f32>;`),
      ...p.outputs.map(
        ({ name }, i) => `${at(p.inputs.length + i)} var<storage, read_write> ${name} : array<f32>;`,
      ),
    ];
    const uniforms = p.uniforms ? Math.ceil(p.uniforms.length / 4) : 0;
    if (uniforms)
      lines.push(
        `struct Uniforms { v : array<vec4<f32>, ${uniforms}> };\n${at(p.inputs.length + p.outputs.length)} var<uniform> u : Uniforms;`,
      );
    const code = `${lines.join('\n')}
      ${p.prelude ?? ''}
      @compute @workgroup_size(${size})
      fn main(@builtin(workgroup_id) wid : vec3<u32>, @builtin(num_workgroups) nwg : vec3<u32>, @builtin(local_invocation_index) lidu : u32) {
        let lid = i32(lidu);
        let wg = i32(wid.y * nwg.x + wid.x);
        let index = wg * ${size} + lid;
        ${p.body}
      }`;
    pipeline = backend.device.createComputePipeline({
      layout: 'auto',
      compute: { module: backend.device.createShaderModule({ code }), entryPoint: 'main' },
    });
    cache.set(p.key, pipeline);
  }
  return pipeline;
}

/** Records one dispatch of `p` on `inputs` and returns its outputs (tensors of the backend). */
export function dispatch(
  backend: WebGpuBackendShape,
  p: WgslProgram,
  inputs: tf.TensorInfo[],
): tf.TensorInfo[] {
  const size = p.workgroup ?? 64;
  const outputs = p.outputs.map(({ shape }) => backend.makeTensorInfo(shape, 'float32'));
  for (const t of [...inputs, ...outputs]) backend.uploadToGPU(t.dataId);
  const pipeline = pipelineOf(backend, p, size);
  const resources = [...inputs, ...outputs].map((t) => backend.tensorToBinding(t));
  if (p.uniforms) {
    const data = [...p.uniforms, 0, 0, 0].slice(0, Math.ceil(p.uniforms.length / 4) * 4);
    resources.push(
      backend.makeUniforms(
        Array.from({ length: data.length / 4 }, (_, i) => ({
          type: 'float32' as const,
          data: data.slice(4 * i, 4 * i + 4),
        })),
      ),
    );
  }
  const group = backend.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: resources.map((resource, binding) => ({ binding, resource })),
  });
  backend.ensureCommandEncoderReady();
  backend.computePassEncoder ??= backend.commandEncoder!.beginComputePass({});
  const groups = Math.max(1, Math.ceil(p.threads / size));
  const x = Math.min(groups, MAX_GROUPS);
  backend.computePassEncoder.setPipeline(pipeline);
  backend.computePassEncoder.setBindGroup(0, group);
  backend.computePassEncoder.dispatchWorkgroups(x, Math.ceil(groups / x), 1);
  backend.dispatchCountInPass++;
  for (const t of [...inputs, ...outputs]) backend.commandQueueOwnedIds.add(t.dataId);
  if (backend.activeTimers != null) backend.endComputePassEncoder();
  else if (backend.dispatchCountInPass >= tf.env().getNumber('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE')) {
    backend.endComputePassEncoder();
    backend.submitQueue();
  }
  return outputs;
}

/** A float literal WGSL accepts for any JS number. */
export const f32 = (v: number) => (Number.isInteger(v) ? `${v}.0` : `${v}`);

/** Column sums: one workgroup of 64 threads per column, each summing every 64th row of `term(r, j)`, then a tree. */
export function columnSums(
  key: string,
  inputs: string[],
  outputs: { name: string; term: string }[],
  n: number,
  c: number,
): WgslProgram {
  return {
    key: `colsum_${key}_${n}_${c}`,
    inputs,
    outputs: outputs.map(({ name }) => ({ name, shape: [1, 1, c] })),
    threads: 64 * c,
    prelude: outputs.map(({ name }) => `var<workgroup> ${name}_part : array<f32, 64>;`).join('\n'),
    body: `let j = wg;
      ${outputs.map(({ name }) => `var ${name}_s = 0.0;`).join(' ')}
      for (var r = lid; r < ${n}; r += 64) { ${outputs.map(({ name, term }) => `${name}_s += ${term};`).join(' ')} }
      ${outputs.map(({ name }) => `${name}_part[lid] = ${name}_s;`).join(' ')}
      workgroupBarrier();
      for (var span = 32; span > 0; span /= 2) {
        if (lid < span) { ${outputs.map(({ name }) => `${name}_part[lid] += ${name}_part[lid + span];`).join(' ')} }
        workgroupBarrier();
      }
      if (lid == 0 && j < ${c}) { ${outputs.map(({ name }) => `${name}[j] = ${name}_part[0];`).join(' ')} }`,
  };
}

const widthOf = (t: tf.TensorInfo) => t.shape[t.shape.length - 1];
const rowsOf = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape) / widthOf(t);
const rowsShape = (shape: number[]) => [...shape.slice(0, -1), 1];

function layerNorm(
  backend: WebGpuBackendShape,
  x: tf.TensorInfo,
  gain: tf.TensorInfo,
  bias: tf.TensorInfo,
  epsilon: number,
): tf.TensorInfo[] {
  const [c, n] = [widthOf(x), rowsOf(x)];
  return dispatch(
    backend,
    {
      key: `ln_${n}_${c}_${epsilon}`,
      inputs: ['x', 'gain', 'bias'],
      outputs: [
        { name: 'y', shape: x.shape },
        { name: 'xhat', shape: x.shape },
        { name: 'rstd', shape: rowsShape(x.shape) },
      ],
      threads: n,
      body: `if (index >= ${n}) { return; }
      let at = index * ${c};
      var s = 0.0;
      for (var j = 0; j < ${c}; j++) { s += x[at + j]; }
      let mean = s / ${f32(c)};
      var q = 0.0;
      for (var j = 0; j < ${c}; j++) { let d = x[at + j] - mean; q += d * d; }
      let r = inverseSqrt(q / ${f32(c)} + ${f32(epsilon)});
      rstd[index] = r;
      for (var j = 0; j < ${c}; j++) { let h = (x[at + j] - mean) * r; xhat[at + j] = h; y[at + j] = h * gain[j] + bias[j]; }`,
    },
    [x, gain, bias],
  );
}

/** dx (one thread per row, + residual) and, with `reductions`, the gain's and the bias's gradients (one workgroup per column). */
function layerNormGrad(
  backend: WebGpuBackendShape,
  inputs: tf.TensorInfo[],
  reductions: boolean,
): tf.TensorInfo[] {
  const [dy, xhat] = inputs;
  const [c, n] = [widthOf(dy), rowsOf(dy)];
  const residual = inputs.length === 5;
  const names = ['dy', 'xhat', 'rstd', 'gain', ...(residual ? ['residual'] : [])];
  const [dx, dyXhat] = dispatch(
    backend,
    {
      key: `ln_grad_${n}_${c}_${residual}_${reductions}`,
      inputs: names,
      outputs: [
        { name: 'dx', shape: dy.shape },
        ...(reductions ? [] : [{ name: 'dyXhat', shape: dy.shape }]),
      ],
      threads: n,
      body: `if (index >= ${n}) { return; }
      let at = index * ${c};
      var m1 = 0.0;
      var m2 = 0.0;
      for (var j = 0; j < ${c}; j++) { let d = dy[at + j] * gain[j]; m1 += d; m2 += d * xhat[at + j]; }
      m1 /= ${f32(c)};
      m2 /= ${f32(c)};
      for (var j = 0; j < ${c}; j++) {
        dx[at + j] = rstd[index] * (dy[at + j] * gain[j] - m1 - xhat[at + j] * m2)${residual ? ' + residual[at + j]' : ''};
        ${reductions ? '' : 'dyXhat[at + j] = dy[at + j] * xhat[at + j];'}
      }`,
    },
    inputs,
  );
  if (!reductions) return [dx, dyXhat];
  const sums = columnSums(
    'ln_grad',
    ['dy', 'xhat'],
    [
      { name: 'dGain', term: `dy[r * ${c} + j] * xhat[r * ${c} + j]` },
      { name: 'dBias', term: `dy[r * ${c} + j]` },
    ],
    n,
    c,
  );
  return [dx, ...dispatch(backend, sums, [dy, xhat])];
}

const SIGMOID_OF_X = `1.0 / (1.0 + exp(-v * (${GELU_K1} * v * v + ${GELU_K2})))`;

function gelu(backend: WebGpuBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const size = tf.util.sizeFromShape(x.shape);
  const body = `if (index >= ${size}) { return; }\n let v = x[index];\n let s = ${SIGMOID_OF_X};\n sig[index] = s;\n y[index] = v * s;`;
  return dispatch(
    backend,
    {
      key: `gelu_${size}`,
      inputs: ['x'],
      outputs: [
        { name: 'y', shape: x.shape },
        { name: 'sig', shape: x.shape },
      ],
      threads: size,
      body,
    },
    [x],
  );
}

function geluGrad(
  backend: WebGpuBackendShape,
  dy: tf.TensorInfo,
  x: tf.TensorInfo,
  sig: tf.TensorInfo,
): tf.TensorInfo[] {
  const size = tf.util.sizeFromShape(x.shape);
  const body = `if (index >= ${size}) { return; }
    let v = x[index];
    let s = sig[index];
    dx[index] = dy[index] * (s + v * s * (1.0 - s) * (${GELU_K2} + ${3 * GELU_K1} * v * v));`;
  return dispatch(
    backend,
    {
      key: `gelu_grad_${size}`,
      inputs: ['dy', 'x', 'sig'],
      outputs: [{ name: 'dx', shape: dy.shape }],
      threads: size,
      body,
    },
    [dy, x, sig],
  );
}

function columnSumsOf(backend: WebGpuBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const [c, n] = [widthOf(x), rowsOf(x)];
  return dispatch(backend, columnSums('x', ['x'], [{ name: 'sums', term: `x[r * ${c} + j]` }], n, c), [x]);
}

export const on = (b: object) => b as WebGpuBackendShape;
registerFused(LAYER_NORM, 'webgpu', (b, [x, gain, bias], attrs) =>
  layerNorm(on(b), x, gain, bias, epsilonOf(attrs)),
);
registerFused(LAYER_NORM_GRAD, 'webgpu', (b, inputs) => layerNormGrad(on(b), inputs, false));
registerFused(LAYER_NORM_GRAD_GPU, 'webgpu', (b, inputs) => layerNormGrad(on(b), inputs, true));
registerFused(LAYER_NORM_GRAD_RESIDUAL_GPU, 'webgpu', (b, inputs) => layerNormGrad(on(b), inputs, true));
registerFused(GELU, 'webgpu', (b, [x]) => gelu(on(b), x));
registerFused(GELU_GRAD, 'webgpu', (b, [dy, x, sig]) => geluGrad(on(b), dy, x, sig));
registerFused(COLUMN_SUMS, 'webgpu', (b, [x]) => columnSumsOf(on(b), x));
