#!/usr/bin/env node
// usage: node benchmarks/jpeg/mozjpeg-cpu-time.js lossless|lossy FILES... : mean CPU ms per file (process user+system) over 10 calls after 3 warm-up calls
const path = require('path');
const home = process.env.PEERS_HOME || require('os').homedir() + '/.cache/squeeze-peers';
const img = require(path.join(home, 'node_modules', '@napi-rs', 'image'));
const sharp = require(path.join(home, 'node_modules', 'sharp'));
sharp.concurrency(1);
const fs = require('fs');
(async () => {
  const mode = process.argv[2];
  let totalMs = 0, totalMp = 0;
  for (const f of process.argv.slice(3)) {
    const src = fs.readFileSync(f);
    const meta = await sharp(src).metadata();
    const run = async () => mode === 'lossless' ? img.compressJpegSync(src, { optimizeScans: true })
        : await sharp(src).jpeg({ quality: 75, mozjpeg: true }).toBuffer();
    for (let i = 0; i < 3; i++) await run();
    const n = 10; const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await run();
    const cu = process.cpuUsage(c0); const ms = (cu.user + cu.system) / 1e3 / n;
    const mp = meta.width * meta.height / 1e6;
    totalMs += ms; totalMp += mp;
    console.log(`${path.basename(f)} ${meta.width}x${meta.height} ${ms.toFixed(1)} ms ${(mp / ms * 1000).toFixed(2)} MP/s`);
  }
  console.log(`total ${(totalMp / totalMs * 1000).toFixed(2)} MP/s`);
})();
