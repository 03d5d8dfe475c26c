import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { assignFromArray, overwriteVariable } from '../../../src/engine/model/train/flat-buffers';

/** A variable that holds its data alone (the tensor it was made from is disposed). */
const own = (values: number[], shape: number[]) => tf.tidy(() => tf.variable(tf.tensor(values, shape)));

describe('writing variables on cpu', () => {
  it('writes an unshared variable in place: same storage, new values, no tensor left over', async () => {
    await useNodeBackend('cpu');
    const variable = own([1, 2, 3, 4, 5, 6], [2, 3]);
    const before = { dataId: variable.dataId, tensors: tf.memory().numTensors };
    const values = Float32Array.from([6, 5, 4, 3, 2, 1]);
    overwriteVariable(variable, values);
    values.fill(0); // the caller's buffer is reused: the variable must not see it
    expect(variable.dataId).toBe(before.dataId);
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(Array.from(variable.dataSync())).toEqual([6, 5, 4, 3, 2, 1]);
    variable.dispose();
  });
});

describe.each(['wasm', 'cpu'] as const)('writing variables on %s', (backend) => {
  it('leaves a tensor that shares the variable its old values (a reshape keeps them)', async () => {
    await useNodeBackend(backend);
    const variable = own([1, 2, 3, 4], [4]);
    const view = tf.reshape(variable, [2, 2]);
    overwriteVariable(variable, Float32Array.from([9, 8, 7, 6]));
    expect(Array.from(variable.dataSync())).toEqual([9, 8, 7, 6]);
    expect(Array.from(view.dataSync())).toEqual([1, 2, 3, 4]);
    tf.dispose([variable, view]);
  });

  it('a matmul with the variable as weights sees the new values (wasm caches packed weights per tensor)', async () => {
    await useNodeBackend(backend);
    const weights = own([1, 0, 0, 1], [2, 2]);
    const x = tf.tensor2d([[1, 2]]);
    const bias = tf.tensor1d([0, 0]);
    const product = () => Array.from(tf.tidy(() => tf.fused.matMul({ a: x, b: weights, bias })).dataSync());
    expect(product()).toEqual([1, 2]);
    overwriteVariable(weights, Float32Array.from([0, 1, 1, 0]));
    expect(product()).toEqual([2, 1]);
    tf.dispose([weights, x, bias]);
  });

  it('lays a flat buffer out over the variables in the packing order', async () => {
    await useNodeBackend(backend);
    const a = own([0, 0], [2]);
    const b = own([0, 0, 0], [1, 3]);
    assignFromArray([a, b], [1, 0], Float32Array.from([1, 2, 3, 4, 5]));
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(a.dataSync())).toEqual([4, 5]);
    expect(() => assignFromArray([a, b], [1, 0], new Float32Array(4))).toThrow(RangeError);
    tf.dispose([a, b]);
  });
});
