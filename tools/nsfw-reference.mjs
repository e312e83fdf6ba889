// Runs nsfwjs's MobileNetV2Mid TF.js graph (as the package bundles it: model.min.js and
// group1-shard*.min.js, loaded with require and tf.io.fromMemory) with the pure-JS
// @tensorflow/tfjs CPU backend on 224 × 224 PNGs, input RGB / 255 as nsfwjs feeds it, and writes
// the five class probabilities that NsfwFidelityTest compares the converted ONNX model against.
//
// usage: node nsfw-reference.mjs MODEL_DIR OUT.json IMAGE.png...
//   MODEL_DIR: ~/.promptlens/models/nsfwjs-4.4.0/dist/models/mobilenet_v2_mid
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';

const require = createRequire(import.meta.url);
const [modelDir, outFile, ...images] = process.argv.slice(2);
if (!modelDir || !outFile || images.length === 0) {
  console.error('usage: node nsfw-reference.mjs MODEL_DIR OUT.json IMAGE.png...');
  process.exit(2);
}
await tf.setBackend('cpu');
const model = require(path.resolve(modelDir, 'model.min.js'));
const weightSpecs = model.weightsManifest.flatMap((g) => g.weights);
const shards = model.weightsManifest.flatMap((g) => g.paths.map((p) => Buffer.from(require(path.resolve(modelDir, `${p}.min.js`)), 'base64')));
const all = Buffer.concat(shards);
const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
const graph = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs, weightData }));

const results = [];
for (const file of images) {
  const png = PNG.sync.read(fs.readFileSync(file));
  if (png.width !== 224 || png.height !== 224) throw new Error(`${file} must be 224 × 224`);
  const input = new Float32Array(224 * 224 * 3);
  for (let i = 0; i < 224 * 224; i++) {
    input[3 * i] = png.data[4 * i] / 255;
    input[3 * i + 1] = png.data[4 * i + 1] / 255;
    input[3 * i + 2] = png.data[4 * i + 2] / 255;
  }
  const x = tf.tensor4d(input, [1, 224, 224, 3]);
  const y = graph.execute(x);
  results.push({ image: path.basename(file), probabilities: Array.from(await y.data()) });
  tf.dispose([x, y]);
}
fs.writeFileSync(outFile, JSON.stringify({ generator: 'tools/nsfw-reference.mjs', tfjs: tf.version.tfjs, backend: tf.getBackend(), classes: ['drawing', 'hentai', 'neutral', 'porn', 'sexy'], results }, null, 1) + '\n');
