import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { createGpt, gptLogits, gptLoss } from '../../../src/engine/model/gpt';
import { extendIds, KvCache } from '../../../src/engine/model/infer/kv-cache';
import { windowLogits } from '../../../src/engine/model/infer/logits';
import { modelAttentionMask } from '../../../src/engine/model/kernels';
import { sampleWindows } from '../../../src/engine/model/train/batches';
import { lossAndGradients } from '../../../src/engine/model/train/step';
import { microShape, seeded, textFixture } from '../../support/model-fixtures';

afterAll(() => useNodeBackend('wasm'));

/**
 * The fast paths against the specification (gpt.ts, plain tf formulas): the hand-written training
 * step against tf.variableGrads over gptLoss, evaluation's window logits and the KV cache's
 * logits against gptLogits. On every form of attention (cpu runs the batched one; wasm its fused
 * kernels or, for heads of 5 columns, the grouped one) and of LayerNorm and GELU: cpu's loop
 * kernels, wasm's SIMD kernels (widths 16 and 32, multiples of 4) and the composed tf ops
 * (widths 10 and 30, which wasm's kernels leave alone).
 * Two layers: every block, head split and the embedding stack are exercised.
 */
describe.each([
  { backend: 'cpu', form: 'loop kernels', batch: 3, width: 12, heads: 3, mlpRatio: 2 },
  // Windows of 8 and heads of 8 columns: attention runs wasm's fused kernels (wasm-attention.ts) too.
  { backend: 'wasm', form: 'SIMD kernels', batch: 4, width: 16, heads: 2, mlpRatio: 2 },
  { backend: 'wasm', form: 'composed ops', batch: 3, width: 10, heads: 2, mlpRatio: 3 },
] as const)(
  'the fast paths against the specification on $backend ($form)',
  ({ backend, batch, width, heads, mlpRatio }) => {
    it('equal the automatic gradient of gptLoss for every variable', async () => {
      await useNodeBackend(backend);
      const { vocab, stream } = textFixture();
      const shape = microShape(vocab.size, { contextLength: 8, layers: 2, heads, width, mlpRatio });
      const model = createGpt(shape, seeded(21));
      // Away from GPT-2's init so LayerNorm gains/biases and the softmax are not near trivial.
      for (const v of model.variables)
        v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', 3))));
      const windows = sampleWindows(stream, batch, shape.contextLength, seeded('windows'));
      modelAttentionMask(model, shape.contextLength); // made once and kept by the model
      const before = tf.memory().numTensors;
      const manual = lossAndGradients(model, windows);
      expect(tf.memory().numTensors).toBe(before + 1 + model.variables.length); // only the results stay

      const inputs = tf.tensor2d(windows.inputs, [batch, shape.contextLength], 'int32');
      const targets = tf.tensor1d(windows.targets, 'int32');
      const auto = tf.variableGrads(() => gptLoss(model, inputs, targets), model.variables);
      expect(Math.abs(manual.loss.dataSync()[0] - auto.value.dataSync()[0])).toBeLessThan(1e-5);
      model.variables.forEach((variable, i) => {
        expect(manual.grads[i].size, variable.name).toBe(variable.size);
        const want = auto.grads[variable.name];
        const scale = tf.tidy(() => tf.max(tf.abs(want)).dataSync()[0]);
        const diff = tf.tidy(
          () => tf.max(tf.abs(tf.sub(tf.reshape(manual.grads[i], variable.shape), want))).dataSync()[0],
        );
        expect(scale, `${variable.name} has a real gradient`).toBeGreaterThan(1e-6);
        expect(diff / scale, variable.name).toBeLessThan(1e-4);
      });
      tf.dispose([manual.loss, ...manual.grads, auto.value, auto.grads, inputs, targets]);
      model.dispose();
    });

    it("give gptLogits by evaluation's window logits and by the KV cache, token by token", async () => {
      await useNodeBackend(backend);
      const { vocab, stream } = textFixture();
      const shape = microShape(vocab.size, { contextLength: 8, layers: 2, heads, width, mlpRatio });
      const model = createGpt(shape, seeded(22));
      for (const v of model.variables)
        v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', 4))));
      const t = shape.contextLength;
      const v = shape.vocabSize;
      const windows = sampleWindows(stream, batch, t, seeded('logits'));
      const tokens = tf.tensor2d(windows.inputs, [batch, t], 'int32');
      const want = tf.tidy(() => gptLogits(model, tokens).dataSync());
      const scale = Math.max(1, ...Array.from(want, Math.abs));
      const fast = tf.tidy(() => windowLogits(model, tokens).dataSync());
      const windowDiff = Math.max(...Array.from(fast, (x, i) => Math.abs(x - want[i])));
      expect(windowDiff / scale).toBeLessThan(1e-5);

      // The cache is fed rows (position, batch): a prefill of 3 tokens, then one at a time.
      const cache = new KvCache(batch);
      let cacheDiff = 0;
      for (const [from, to] of [
        [0, 3],
        [3, 4],
        [4, 5],
        [5, 6],
        [6, 7],
        [7, 8],
      ]) {
        const ids = Array.from({ length: batch }, (_, b) =>
          Array.from(windows.inputs.subarray(b * t + from, b * t + to)),
        ).flat();
        const out = extendIds(model, cache, ids, to - from);
        const got = out.dataSync();
        out.dispose();
        for (let b = 0; b < batch; b++) {
          for (let j = 0; j < v; j++)
            cacheDiff = Math.max(cacheDiff, Math.abs(got[b * v + j] - want[(b * t + to - 1) * v + j]));
        }
      }
      expect(cacheDiff / scale).toBeLessThan(1e-4);
      cache.dispose();
      tokens.dispose();
      model.dispose();
    });
  },
);
