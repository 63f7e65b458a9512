'use strict';
// Runs the ORIGINAL JavaScript implementations on the parity inputs and writes their
// outputs: face-api.js's own FaceExpressionNet (weights loaded by face-api itself), and
// @vladmandic/human's emotion and BlazeFace graph models executed by TF.js the way
// human's src/gear/emotion.ts and src/face/blazeface.ts feed them. Backend: the pure
// JavaScript CPU backend of TF.js, so results do not depend on native code or SIMD.
//
// usage: node reference.cjs <node_modules parent dir> <cases dir> <human-models dir>
// writes <cases>/<id>.expected.f32 (little-endian float32) and, for the detectors,
// <cases>/<id>.detections.json; prints one JSON line per case.

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [, , modulesDir, casesDir, humanModelsDir] = process.argv;
if (!casesDir || !humanModelsDir) {
  console.error('usage: node reference.cjs <dir holding node_modules> <cases dir> <human-models models dir>');
  process.exit(2);
}
const req = createRequire(path.resolve(modulesDir, 'package.json'));
const faceapi = req('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = req('@tensorflow/tfjs');
const humanDir = path.join(modulesDir, 'node_modules/@vladmandic/human');

// human's src/face/blazeface.ts and config.ts defaults
const HUMAN_DETECTOR_DEFAULTS = { maxDetected: 1, iouThreshold: 0.1, minConfidence: 0.2, scale: 1.4 };
const WIDE_SETTINGS = { maxDetected: 10, iouThreshold: 0.3, minConfidence: 0.12, scale: 1.4 };

function readInput(caseInfo) {
  const buf = fs.readFileSync(path.join(casesDir, caseInfo.input.file));
  const shape = caseInfo.input.shape;
  if (buf.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`${caseInfo.id}: size mismatch`);
  return { values: Float32Array.from(buf), shape };
}

function writeF32(file, data) {
  const out = Buffer.alloc(data.length * 4);
  for (let i = 0; i < data.length; i++) out.writeFloatLE(data[i], i * 4);
  fs.writeFileSync(path.join(casesDir, file), out);
}

async function loadGraphModel(jsonPath) {
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const groups = json.weightsManifest;
  const weightSpecs = [].concat(...groups.map((g) => g.weights));
  const bins = [].concat(...groups.map((g) => g.paths)).map((p) => fs.readFileSync(path.join(path.dirname(jsonPath), p)));
  const all = Buffer.concat(bins);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}

async function faceExpression(caseInfo) {
  await faceapi.nets.faceExpressionNet.loadFromDisk(path.join(modulesDir, 'node_modules/@vladmandic/face-api/model'));
  const { values, shape } = readInput(caseInfo);
  const batch = tf.tensor4d(values, shape, 'float32');
  const images = tf.unstack(batch); // an array of Tensor3D makes a batched NetInput
  const probs = await faceapi.nets.faceExpressionNet.forward(images);
  const data = await probs.data();
  tf.dispose([batch, probs, ...images]);
  return Array.from(data);
}

async function emotion(caseInfo) {
  const model = await loadGraphModel(path.join(humanDir, 'models/emotion.json'));
  const { values, shape } = readInput(caseInfo);
  const [n, h, w, c] = shape;
  const inputSize = model.inputs[0].shape[2];
  const rgb = tf.tensor1d([0.2989, 0.5870, 0.1140], 'float32'); // human constants.rgb
  const out = [];
  for (let i = 0; i < n; i++) { // human classifies one face at a time
    const t = {};
    t.crop = tf.tensor4d(values.subarray(i * h * w * c, (i + 1) * h * w * c), [1, h, w, c], 'float32');
    t.face = tf.div(t.crop, tf.scalar(255.0, 'float32')); // facemeshutil.cutAndResize
    t.resize = tf.image.resizeBilinear(t.face, [inputSize, inputSize], false);
    t.channels = tf.mul(t.resize, rgb);
    t.grayscale = tf.sum(t.channels, 3, true);
    t.grayscaleSub = tf.sub(t.grayscale, tf.scalar(0.5, 'float32'));
    t.grayscaleMul = tf.mul(t.grayscaleSub, tf.scalar(2.0, 'float32'));
    t.emotion = model.execute(t.grayscaleMul);
    out.push(...(await t.emotion.data()));
    tf.dispose(Object.values(t));
  }
  return out;
}

// human's facemeshutil.generateAnchors for BlazeFace
function generateAnchors(inputSize) {
  const strides = [inputSize / 16, inputSize / 8];
  const perCell = [2, 6];
  const anchors = [];
  for (let i = 0; i < strides.length; i++) {
    const stride = strides[i];
    const grid = Math.floor((inputSize + stride - 1) / stride);
    for (let y = 0; y < grid; y++) {
      for (let x = 0; x < grid; x++) {
        for (let k = 0; k < perCell[i]; k++) anchors.push([stride * (x + 0.5), stride * (y + 0.5)]);
      }
    }
  }
  return anchors;
}

async function detect(batch, anchorsT, anchors, inputSize, settings) {
  // human's blazeface.ts decodeBoxes + getBoxes, for an image that already has the model's
  // input size (so the scale factors are 1 and no padding is involved).
  const t = {};
  const size = tf.scalar(inputSize, 'int32');
  t.boxStarts = tf.slice(batch, [0, 1], [-1, 2]);
  t.centers = tf.add(t.boxStarts, anchorsT);
  t.boxSizes = tf.slice(batch, [0, 3], [-1, 2]);
  t.boxSizesNormalized = tf.div(t.boxSizes, size);
  t.centersNormalized = tf.div(t.centers, size);
  t.halfBoxSize = tf.div(t.boxSizesNormalized, tf.scalar(2.0, 'float32'));
  t.starts = tf.sub(t.centersNormalized, t.halfBoxSize);
  t.ends = tf.add(t.centersNormalized, t.halfBoxSize);
  t.startNormalized = tf.mul(t.starts, size);
  t.endNormalized = tf.mul(t.ends, size);
  t.boxes = tf.concat2d([t.startNormalized, t.endNormalized], 1);
  t.logits = tf.slice(batch, [0, 0], [-1, 1]);
  t.sigmoid = tf.sigmoid(t.logits);
  t.scores = tf.squeeze(t.sigmoid);
  t.nms = await tf.image.nonMaxSuppressionAsync(t.boxes, t.scores, settings.maxDetected, settings.iouThreshold, settings.minConfidence);
  const nms = await t.nms.array();
  const scores = await t.scores.data();
  const boxes = await t.boxes.data();
  const raw = await batch.data();
  const found = [];
  for (const idx of nms) {
    const confidence = scores[idx];
    if (!(confidence > settings.minConfidence)) continue;
    const box = Array.from(boxes.subarray(idx * 4, idx * 4 + 4));
    const anchor = anchors[idx];
    const landmarks = [];
    for (let k = 0; k < 6; k++) landmarks.push([raw[idx * 17 + 5 + 2 * k] + anchor[0], raw[idx * 17 + 6 + 2 * k] + anchor[1]]);
    // facemeshutil.enlargeBox(scale) then squarifyBox, as human crops faces
    const center = [box[0] + (box[2] - box[0]) / 2, box[1] + (box[3] - box[1]) / 2];
    const half = [settings.scale * Math.abs(box[2] - box[0]) / 2, settings.scale * Math.abs(box[3] - box[1]) / 2];
    const enlarged = [center[0] - half[0], center[1] - half[1], center[0] + half[0], center[1] + half[1]];
    const c2 = [enlarged[0] + (enlarged[2] - enlarged[0]) / 2, enlarged[1] + (enlarged[3] - enlarged[1]) / 2];
    const halfSq = Math.max(Math.abs(enlarged[2] - enlarged[0]), Math.abs(enlarged[3] - enlarged[1])) / 2;
    const squared = [Math.round(c2[0] - halfSq), Math.round(c2[1] - halfSq), Math.round(c2[0] + halfSq), Math.round(c2[1] + halfSq)];
    found.push({ index: idx, anchor, score: confidence, box, landmarks, squareBox: squared });
  }
  tf.dispose(Object.values(t));
  tf.dispose(size);
  return found;
}

async function blazeface(caseInfo, modelJson) {
  const model = await loadGraphModel(modelJson);
  const { values, shape } = readInput(caseInfo);
  const [n, h, w, c] = shape;
  const inputSize = model.inputs[0].shape[2];
  if (h !== inputSize || w !== inputSize) throw new Error(`${caseInfo.id}: images must be ${inputSize}x${inputSize}`);
  const anchors = generateAnchors(inputSize);
  const anchorsT = tf.tensor2d(anchors);
  const out = [];
  const detections = [];
  for (let i = 0; i < n; i++) {
    const t = {};
    t.image = tf.tensor4d(values.subarray(i * h * w * c, (i + 1) * h * w * c), [1, h, w, c], 'float32');
    t.resized = tf.image.resizeBilinear(t.image, [inputSize, inputSize]);
    t.div = tf.div(t.resized, tf.scalar(127.5, 'float32'));
    t.normalized = tf.sub(t.div, tf.scalar(1.0, 'float32'));
    const res = model.execute(t.normalized);
    const sorted = res.slice().sort((a, b) => a.size - b.size);
    t.concat384 = tf.concat([sorted[0], sorted[2]], 2);
    t.concat512 = tf.concat([sorted[1], sorted[3]], 2);
    t.concat = tf.concat([t.concat512, t.concat384], 1);
    t.batch = tf.squeeze(t.concat, [0]);
    out.push(...(await t.batch.data()));
    detections.push({
      sample: i,
      humanDefaults: { settings: HUMAN_DETECTOR_DEFAULTS, faces: await detect(t.batch, anchorsT, anchors, inputSize, HUMAN_DETECTOR_DEFAULTS) },
      wide: { settings: WIDE_SETTINGS, faces: await detect(t.batch, anchorsT, anchors, inputSize, WIDE_SETTINGS) },
    });
    tf.dispose(res);
    tf.dispose(Object.values(t));
  }
  tf.dispose(anchorsT);
  fs.writeFileSync(path.join(casesDir, `${caseInfo.id}.detections.json`), JSON.stringify({ inputSize, detections }, null, 1));
  return out;
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error('TF.js CPU backend not active');
  const index = JSON.parse(fs.readFileSync(path.join(casesDir, 'cases.json'), 'utf8'));
  const runners = {
    face_expression: faceExpression,
    emotion_fer2013: emotion,
    blazeface_back: (c) => blazeface(c, path.join(humanDir, 'models/blazeface.json')),
    blazeface_front: (c) => blazeface(c, path.join(humanModelsDir, 'blazeface-front.json')),
  };
  for (const caseInfo of index.cases) {
    const out = await runners[caseInfo.model](caseInfo);
    const file = `${caseInfo.id}.expected.f32`;
    writeF32(file, out);
    console.log(JSON.stringify({ case: caseInfo.id, values: out.length, file, tfjs: tf.version.tfjs, faceapi: faceapi.version, backend: tf.getBackend() }));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
