#!/usr/bin/env node
// nsfwjs_extract.cjs PACKAGE_DIR OUT_DIR MODEL...
// The nsfwjs npm package ships each model as browserified JavaScript modules: model.min.js exports
// the TF.js model JSON (layers or graph format) and each group1-shardXofY.min.js exports one weight
// shard as a base64 string. This writes the standard TF.js pair OUT_DIR/MODEL/{model.json,
// weights.bin} (shards decoded and concatenated in manifest order, manifest paths rewritten to
// ["weights.bin"]), which scripts/nsfwjs_to_onnx.py converts and tests/vision/tfjs_reference.js loads.
'use strict';
const fs = require('fs');
const path = require('path');

function extract(pkgDir, outDir, model) {
  const dir = path.join(pkgDir, 'dist', 'models', model);
  const modelJson = require(path.resolve(dir, 'model.min.js'));
  const parts = [];
  for (const group of modelJson.weightsManifest) {
    for (const p of group.paths) {
      const b64 = require(path.resolve(dir, p + '.min.js'));
      if (typeof b64 !== 'string') throw new Error(`${model}/${p}: not a base64 string`);
      parts.push(Buffer.from(b64, 'base64'));
    }
  }
  const weights = Buffer.concat(parts);
  const out = JSON.parse(JSON.stringify(modelJson));
  const specs = out.weightsManifest.flatMap((g) => g.weights);
  out.weightsManifest = [{ paths: ['weights.bin'], weights: specs }];
  fs.mkdirSync(path.join(outDir, model), { recursive: true });
  fs.writeFileSync(path.join(outDir, model, 'model.json'), JSON.stringify(out));
  fs.writeFileSync(path.join(outDir, model, 'weights.bin'), weights);
  console.log(`${model}: ${specs.length} tensors, ${weights.length} weight bytes`);
}

const [pkgDir, outDir, ...models] = process.argv.slice(2);
if (!pkgDir || !outDir || models.length === 0) {
  console.error('usage: nsfwjs_extract.cjs PACKAGE_DIR OUT_DIR MODEL...');
  process.exit(2);
}
for (const m of models) extract(pkgDir, outDir, m);
