// Runs a TF.js graph model (model.json + shards) with the pure-JS @tensorflow/tfjs CPU backend on
// square PNGs and writes every output, sampled every STRIDE values, for the Java fidelity tests.
//
// usage: node graph-reference.mjs MODEL.json MODE STRIDE OUT.json IMAGE.png...
//   MODE: rgb-unit (RGB / 255), rgb-sym (RGB / 127 - 1), grey-sym (luma 0.2989/0.5870/0.1140
//   of RGB / 255, then (v - 0.5) * 2, one channel) — the inputs Human feeds BlazeFace, GEAR and
//   its expression model.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';

const [modelFile, mode, strideText, outFile, ...images] = process.argv.slice(2);
if (!modelFile || !mode || !strideText || !outFile || images.length === 0) {
  console.error('usage: node graph-reference.mjs MODEL.json MODE STRIDE OUT.json IMAGE.png...');
  process.exit(2);
}
const stride = Number(strideText);
await tf.setBackend('cpu');
const json = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const dir = path.dirname(modelFile);
const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
const all = Buffer.concat(json.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(dir, p)))));
const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
const outputs = model.outputs.map((o) => o.name);

const results = [];
for (const file of images) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const n = png.width;
  const channels = mode === 'grey-sym' ? 1 : 3;
  const input = new Float32Array(n * n * channels);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = [png.data[4 * i], png.data[4 * i + 1], png.data[4 * i + 2]];
    if (mode === 'rgb-unit') [input[3 * i], input[3 * i + 1], input[3 * i + 2]] = [r / 255, g / 255, b / 255];
    else if (mode === 'rgb-sym') [input[3 * i], input[3 * i + 1], input[3 * i + 2]] = [r / 127 - 1, g / 127 - 1, b / 127 - 1];
    else input[i] = ((0.2989 * r) / 255 + (0.587 * g) / 255 + (0.114 * b) / 255 - 0.5) * 2;
  }
  const x = tf.tensor4d(input, [1, n, n, channels]);
  let ys = model.execute(x, outputs);
  if (!Array.isArray(ys)) ys = [ys];
  const values = {};
  for (let k = 0; k < outputs.length; k++) {
    const data = await ys[k].data();
    const sample = [];
    for (let i = 0; i < data.length; i += stride) sample.push(data[i]);
    values[outputs[k].replace(/:0$/, '')] = { size: data.length, sample };
  }
  results.push({ image: path.basename(file), outputs: values });
  tf.dispose([x, ...ys]);
}
fs.writeFileSync(outFile, JSON.stringify({ generator: 'tools/graph-reference.mjs', model: path.basename(modelFile), mode, stride, tfjs: tf.version.tfjs, backend: tf.getBackend(), results }) + '\n');
