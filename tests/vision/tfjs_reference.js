#!/usr/bin/env node
// tfjs_reference.js PPM... : the nsfwjs 4.4.0 reference scores, computed by nsfwjs itself on TF.js
// (@tensorflow/tfjs 4.22.0, pure-JS CPU backend), for already decoded RGB pixels.
//
// Input images are binary PPM (P6, maxval 255): the pixels our C++ decoders produce (ImageMagick's
// `convert FILE ppm:-` gives the same bytes for 8-bit PNG and JPEG, see src/image/decode.h), so
// decoder differences are out of the comparison. Each image becomes an int32 [h,w,3] tensor and goes
// through nsfwjs's own NSFWJS.infer(): toFloat().div(255), tf.image.resizeBilinear(.., [224,224],
// alignCorners=true) unless already 224x224, model.predict. That is what nsfwjs does after
// tf.browser.fromPixels (which yields the same int32 RGB tensor from a canvas/ImageData).
//
// Prints JSON: {"generator", "models": {"mobilenet_v2": {"<file basename>": [Drawing, Hentai,
// Neutral, Porn, Sexy]}, "mobilenet_v2_mid": {...}}}.
// Modules are found in $NGB_NPM_CACHE/node_modules (default ~/.cache/nigehbaan/npm), where
// scripts/fetch-models.sh installs them.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const cache = process.env.NGB_NPM_CACHE || path.join(os.homedir(), '.cache', 'nigehbaan', 'npm');
const req = (m) => require(path.join(cache, 'node_modules', m));

function readPpm(file) {
  const buf = fs.readFileSync(file);
  // Header: "P6" whitespace width whitespace height whitespace maxval single-whitespace.
  let pos = 0;
  const tokens = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    if (buf[pos] === 0x23) { while (buf[pos] !== 0x0a) pos++; continue; }
    let start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    tokens.push(buf.toString('latin1', start, pos));
  }
  pos++;
  const [magic, w, h, max] = [tokens[0], +tokens[1], +tokens[2], +tokens[3]];
  if (magic !== 'P6' || max !== 255) throw new Error(`${file}: need a P6 PPM with maxval 255`);
  const px = buf.subarray(pos, pos + w * h * 3);
  if (px.length !== w * h * 3) throw new Error(`${file}: truncated`);
  return { w, h, px };
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: tfjs_reference.js IMAGE.ppm...');
    process.exit(2);
  }
  console.info = () => {};  // nsfwjs announces the model it loads on stdout
  const tf = req('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const nsfwjs = req('nsfwjs');
  const out = { generator: `nsfwjs ${req('nsfwjs/package.json').version}, @tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`, models: {} };
  for (const [ours, theirs] of [['mobilenet_v2', 'MobileNetV2'], ['mobilenet_v2_mid', 'MobileNetV2Mid']]) {
    const model = await nsfwjs.load(theirs);
    const scores = {};
    for (const f of files) {
      const { w, h, px } = readPpm(f);
      const img = tf.tensor3d(Int32Array.from(px), [h, w, 3], 'int32');
      const probs = model.infer(img);
      scores[path.basename(f).replace(/\.ppm$/, '')] = Array.from(await probs.data());
      img.dispose();
      probs.dispose();
    }
    out.models[ours] = scores;
    model.dispose();
  }
  console.log(JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
